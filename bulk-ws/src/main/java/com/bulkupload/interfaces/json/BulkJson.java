package com.bulkupload.interfaces.json;

import com.bulkupload.application.requests.EntityRecordUploads;
import com.bulkupload.application.requests.UploadStatusView;
import com.bulkupload.interfaces.web.ApiErrors.OperationError;
import com.bulkupload.interfaces.web.ResultLinks;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The JSON bodies of the bulk operations: the same names and order as the SOAP messages. */
public final class BulkJson {

    private BulkJson() {
    }

    @JsonPropertyOrder({"ResponseMode", "AccountId", "CustomerListId", "LookupField", "PartitionName", "ClientRequestToken",
            "ColumnMappings"})
    public record GetBulkUploadUrlRequest(
            @JsonProperty("ResponseMode") String responseMode,
            @JsonProperty("AccountId") Long accountId,
            @JsonProperty("CustomerListId") Long customerListId,
            @JsonProperty("LookupField") String lookupField,
            @JsonProperty("PartitionName") String partitionName,
            @JsonProperty("ClientRequestToken") String clientRequestToken,
            // our addition (JSON only): {"uploaded header": "Field"}, null to ignore a column
            @JsonProperty("ColumnMappings") java.util.Map<String, String> columnMappings) {
    }

    @JsonPropertyOrder({"RequestId", "UploadUrl"})
    public record GetBulkUploadUrlResponse(
            @JsonProperty("RequestId") String requestId,
            @JsonProperty("UploadUrl") String uploadUrl) {
    }

    @JsonPropertyOrder({"RequestId"})
    public record GetBulkUploadStatusRequest(@JsonProperty("RequestId") String requestId) {
    }

    @JsonPropertyOrder({"Errors", "ForwardCompatibilityMap", "PercentComplete", "RequestStatus", "ResultFileUrl",
            "RowsProcessed", "RowsFailed", "RowsWithWarning"})
    public record GetBulkUploadStatusResponse(
            @JsonProperty("Errors") List<OperationError> errors,
            @JsonProperty("ForwardCompatibilityMap") List<KeyValuePair> forwardCompatibilityMap,
            @JsonProperty("PercentComplete") int percentComplete,
            @JsonProperty("RequestStatus") String requestStatus,
            @JsonProperty("ResultFileUrl") String resultFileUrl,
            @JsonProperty("RowsProcessed") long rowsProcessed,
            @JsonProperty("RowsFailed") long rowsFailed,
            @JsonProperty("RowsWithWarning") long rowsWithWarning) {

        /** As Microsoft's REST API answers: {@code Errors} null (not []) when there are none. */
        static GetBulkUploadStatusResponse of(UploadStatusView status, ResultLinks links) {
            return new GetBulkUploadStatusResponse(
                    status.errors().isEmpty() ? null : status.errors().stream().map(OperationError::of).toList(),
                    status.counters().entrySet().stream().map(e -> new KeyValuePair(e.getKey(), e.getValue())).toList(),
                    status.percentComplete(),
                    status.requestStatus().name(),
                    links.resultFileUrl(status),
                    status.rowsProcessed(),
                    status.rowsFailed(),
                    status.rowsWithWarning());
        }
    }

    /** Spelled as Microsoft's REST API and its SDK (msads) read it; SOAP spells it key/value. */
    @JsonPropertyOrder({"Key", "Value"})
    public record KeyValuePair(@JsonProperty("Key") String key, @JsonProperty("Value") String value) {
    }

    @JsonPropertyOrder({"ResponseMode", "EntityRecords", "AccountId"})
    public record UploadEntityRecordsRequest(
            @JsonProperty("ResponseMode") String responseMode,
            @JsonProperty("EntityRecords") List<String> entityRecords,
            @JsonProperty("AccountId") Long accountId) {
    }

    /** As Microsoft's REST API answers: {@code Errors} and {@code EntityRecords} null when there are none. */
    @JsonPropertyOrder({"EntityRecords", "RequestId", "RequestStatus", "Errors"})
    public record UploadEntityRecordsResponse(
            @JsonProperty("EntityRecords") List<String> entityRecords,
            @JsonProperty("RequestId") String requestId,
            @JsonProperty("RequestStatus") String requestStatus,
            @JsonProperty("Errors") List<OperationError> errors) {

        static UploadEntityRecordsResponse of(EntityRecordUploads.Answer answer) {
            return new UploadEntityRecordsResponse(answer.resultRecords(), answer.requestId(), answer.status().name(),
                    answer.errors().isEmpty() ? null : answer.errors().stream().map(OperationError::of).toList());
        }
    }
}
