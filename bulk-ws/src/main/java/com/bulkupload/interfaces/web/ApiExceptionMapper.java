package com.bulkupload.interfaces.web;

import com.bulkupload.application.requests.OperationErrorView;
import com.bulkupload.domain.model.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.function.ToIntFunction;

/**
 * The error mapper of a JSON publication: an {@code ApiFaultDetail} body with the TrackingId and
 * one OperationError ({@link Failures} decides which), under the HTTP status the publication's
 * policy gives the code. Unexpected failures are logged with their stack trace and shown only as 0.
 */
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    /** Each code's own HTTP status (docs/errors.md): the upload, result, read and admin APIs. */
    public static final ToIntFunction<ErrorCode> OWN_STATUS = ErrorCode::httpStatus;

    /**
     * Bing's JSON operations answer only what Microsoft's REST SDK parses as a fault (CONTRACT §4):
     * 401 for 105/107/109, 403 for 106, 500 for 0 and 400 for every other code.
     */
    public static final ToIntFunction<ErrorCode> BING_REST_STATUS = error -> switch (error) {
        case INVALID_CREDENTIALS, INVALID_DEVELOPER_TOKEN, AUTHENTICATION_TOKEN_EXPIRED -> 401;
        case USER_IS_NOT_AUTHORIZED -> 403;
        case INTERNAL_ERROR -> 500;
        default -> 400;
    };


    /** What {@code Retry-After} says with 3224 (docs/errors.md). */
    public static final String RETRY_AFTER_FULL_STORE_SECONDS = "60";

    private final ToIntFunction<ErrorCode> statusOf;
    private final boolean frameworkStatusesKept;

    @Context
    HttpServletRequest request;

    /** @param frameworkStatusesKept whether a 404 or 405 of the framework is answered as such (else as the code's status) */
    public ApiExceptionMapper(ToIntFunction<ErrorCode> statusOf, boolean frameworkStatusesKept) {
        this.statusOf = statusOf;
        this.frameworkStatusesKept = frameworkStatusesKept;
    }

    @Override
    public Response toResponse(Throwable exception) {
        String trackingId = TrackingIdFilter.of(request);
        Failures.Classified failure = Failures.classifyAndLog(exception, trackingId, "JSON call");
        int status = frameworkStatusesKept && failure.frameworkStatus() > 0
                ? failure.frameworkStatus() : statusOf.applyAsInt(failure.error());
        return Response.status(status)
                // a full file store is a pause: the client is told when to send the file again
                .header("Retry-After", failure.error() == ErrorCode.STORAGE_FULL ? RETRY_AFTER_FULL_STORE_SECONDS : null)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiErrors.ApiFaultDetail.of(trackingId, OperationErrorView.of(failure.error(), failure.details())))
                .build();
    }
}
