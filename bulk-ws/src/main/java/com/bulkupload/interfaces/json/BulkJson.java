package com.bulkupload.interfaces.json;

import com.bulkupload.application.OperationErrorView;
import com.bulkupload.application.UploadStatusView;
import com.bulkupload.interfaces.bing.BingLinks;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The JSON bodies of the bulk operations: the same names and order as the SOAP messages. */
public final class BulkJson {

    private BulkJson() {
    }

    @JsonPropertyOrder({"ResponseMode", "AccountId", "CustomerListId", "LookupField", "PartitionName", "ClientRequestToken"})
    public record GetBulkUploadUrlRequest(
            @JsonProperty("ResponseMode") String responseMode,
            @JsonProperty("AccountId") Long accountId,
            @JsonProperty("CustomerListId") Long customerListId,
            @JsonProperty("LookupField") String lookupField,
            @JsonProperty("PartitionName") String partitionName,
            @JsonProperty("ClientRequestToken") String clientRequestToken) {
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
        static GetBulkUploadStatusResponse of(UploadStatusView status, BingLinks links) {
            return new GetBulkUploadStatusResponse(
                    status.errors().isEmpty() ? null : status.errors().stream().map(OperationError::of).toList(),
                    BingLinks.counters(status).entrySet().stream().map(e -> new KeyValuePair(e.getKey(), e.getValue())).toList(),
                    status.percentComplete(),
                    status.requestStatus(),
                    links.resultFileUrl(status),
                    status.rowsProcessed(),
                    status.rowsFailed(),
                    status.rowsWithWarning());
        }
    }

    @JsonPropertyOrder({"Code", "Details", "ErrorCode", "Message"})
    public record OperationError(
            @JsonProperty("Code") int code,
            @JsonProperty("Details") String details,
            @JsonProperty("ErrorCode") String errorCode,
            @JsonProperty("Message") String message) {

        static OperationError of(OperationErrorView view) {
            return new OperationError(view.code(), view.details(), view.errorCode(), view.message());
        }
    }

    /** Spelled as Microsoft's REST API and its SDK (msads) read it; SOAP spells it key/value. */
    @JsonPropertyOrder({"Key", "Value"})
    public record KeyValuePair(@JsonProperty("Key") String key, @JsonProperty("Value") String value) {
    }

    /** The body of every JSON error (CONTRACT section 4). */
    @JsonPropertyOrder({"TrackingId", "Type", "OperationErrors"})
    public record ApiFaultDetail(
            @JsonProperty("TrackingId") String trackingId,
            @JsonProperty("Type") String type,
            @JsonProperty("OperationErrors") List<OperationError> operationErrors) {

        public static ApiFaultDetail of(String trackingId, OperationErrorView error) {
            return new ApiFaultDetail(trackingId, "ApiFaultDetail", List.of(OperationError.of(error)));
        }
    }
}
