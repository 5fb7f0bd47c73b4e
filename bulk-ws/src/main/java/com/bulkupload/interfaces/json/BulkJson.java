package com.bulkupload.interfaces.json;

import com.bulkupload.application.OperationErrorView;
import com.bulkupload.application.UploadStatusView;
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

        static GetBulkUploadStatusResponse of(UploadStatusView status) {
            return new GetBulkUploadStatusResponse(
                    status.errors().stream().map(OperationError::of).toList(),
                    List.of(),
                    status.percentComplete(),
                    status.requestStatus(),
                    status.resultFileUrl(),
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

    @JsonPropertyOrder({"key", "value"})
    public record KeyValuePair(@JsonProperty("key") String key, @JsonProperty("value") String value) {
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
