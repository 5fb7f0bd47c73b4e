package com.bulkupload.interfaces.marketo;

import com.bulkupload.application.importing.Causes;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.interfaces.web.Failures;
import com.bulkupload.interfaces.web.TrackingIdFilter;
import com.bulkupload.interfaces.web.UploadGate;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Marketo's error envelope: HTTP 200 with {@code success:false} and one error whose code is a
 * string of Marketo's table (CONTRACT §9), for every failure {@link Failures} classifies. Only a
 * file over the size limit changes the HTTP status (413), as Marketo's own service does.
 */
public class MarketoErrorMapper implements ExceptionMapper<Throwable> {


    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable exception) {
        String trackingId = TrackingIdFilter.of(request);
        MarketoRefusal own = Causes.find(exception, MarketoRefusal.class);
        if (own != null) {
            return answer(200, MarketoJson.Envelope.failure(trackingId, own.code(), own.getMessage()));
        }
        Failures.Classified failure = Failures.classifyAndLog(exception, trackingId, "Marketo call");
        String code = failure.frameworkStatus() == 404 || failure.frameworkStatus() == 405 ? "610"
                // Marketo's "Concurrent access limit reached": uploads in flight, not calls per second
                : Causes.find(exception, UploadGate.UploadsInFlightExceeded.class) != null ? "615" : codeOf(failure.error());
        String message = failure.details() != null ? failure.details() : failure.error().message();
        if (failure.error() == ErrorCode.INTERNAL_ERROR) {
            message = "System error; quote requestId " + trackingId + " to support.";
        }
        int status = failure.error() == ErrorCode.FILE_TOO_LARGE ? 413 : 200;
        return answer(status, MarketoJson.Envelope.failure(trackingId, code, message));
    }

    /** Our error table in Marketo's codes (docs/marketo.md). */
    static String codeOf(ErrorCode error) {
        return switch (error) {
            case INVALID_CREDENTIALS, INVALID_DEVELOPER_TOKEN -> "601";
            case AUTHENTICATION_TOKEN_EXPIRED -> "602";
            case USER_IS_NOT_AUTHORIZED -> "603";
            case CALL_RATE_EXCEEDED -> "606";
            case NULL_REQUEST -> "609";
            // another account's batch or list answers exactly as an unknown one
            case INVALID_REQUEST_ID, INVALID_CUSTOMER_LIST -> "610";
            // Marketo's system error: its clients retry it, and a full store is worth a retry
            case INTERNAL_ERROR, STORAGE_FULL -> "611";
            case MISSING_FILE -> "613";
            case TOO_MANY_ACTIVE_UPLOADS -> "1016";
            case ROW_REPORT_NOT_READY -> "1019";
            default -> "1003";
        };
    }

    private static Response answer(int status, MarketoJson.Envelope envelope) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(envelope).build();
    }
}
