package com.bulkupload.interfaces.web;

import com.bulkupload.application.requests.OperationErrorView;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The JSON error body of every API of ours and of Bing's JSON mirror (CONTRACT section 4), and its OperationError. */
public final class ApiErrors {

    private ApiErrors() {
    }

    @JsonPropertyOrder({"Code", "Details", "ErrorCode", "Message"})
    public record OperationError(
            @JsonProperty("Code") int code,
            @JsonProperty("Details") String details,
            @JsonProperty("ErrorCode") String errorCode,
            @JsonProperty("Message") String message) {

        public static OperationError of(OperationErrorView view) {
            return new OperationError(view.code(), view.details(), view.errorCode(), view.message());
        }
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
