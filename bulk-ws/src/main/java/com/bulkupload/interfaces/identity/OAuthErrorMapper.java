package com.bulkupload.interfaces.identity;

import com.bulkupload.application.requests.OperationErrorView;
import com.bulkupload.interfaces.web.ApiErrors;
import com.bulkupload.interfaces.web.Failures;
import com.bulkupload.interfaces.web.TrackingIdFilter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

/**
 * The token endpoint's errors. One endpoint serves clients of several protocols, so its error
 * body carries what each reads: OAuth's {@code error} and {@code error_description} (RFC 6749
 * section 5.2; Marketo's clients read {@code "error":"unauthorized"}, CONTRACT §9), and our
 * {@code ApiFaultDetail} fields with the code of the table, under that code's own HTTP status.
 */
public class OAuthErrorMapper implements ExceptionMapper<Throwable> {


    @Context
    HttpServletRequest request;

    @JsonPropertyOrder({"error", "error_description", "TrackingId", "Type", "OperationErrors"})
    public record OAuthError(@JsonProperty("error") String error,
                             @JsonProperty("error_description") String description,
                             @JsonProperty("TrackingId") String trackingId,
                             @JsonProperty("Type") String type,
                             @JsonProperty("OperationErrors") List<ApiErrors.OperationError> operationErrors) {
    }

    @Override
    public Response toResponse(Throwable exception) {
        String trackingId = TrackingIdFilter.of(request);
        Failures.Classified failure = Failures.classifyAndLog(exception, trackingId, "Token request");
        String error = switch (failure.error()) {
            case INVALID_CREDENTIALS -> "unauthorized";
            case CALL_RATE_EXCEEDED -> "temporarily_unavailable";
            case INTERNAL_ERROR -> "server_error";
            default -> "invalid_request";
        };
        ApiErrors.ApiFaultDetail fault = ApiErrors.ApiFaultDetail.of(trackingId, OperationErrorView.of(failure.error(), failure.details()));
        String description = failure.details() != null ? failure.details() : failure.error().message();
        int status = failure.frameworkStatus() > 0 ? failure.frameworkStatus() : failure.error().httpStatus();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuthError(error, description, fault.trackingId(), fault.type(), fault.operationErrors()))
                .build();
    }
}
