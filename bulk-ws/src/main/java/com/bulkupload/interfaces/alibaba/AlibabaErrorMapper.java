package com.bulkupload.interfaces.alibaba;

import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.interfaces.web.Failures;
import com.bulkupload.interfaces.web.TrackingIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Alibaba Cloud's error envelope, JSON and never XML: {@code {"RequestId","HostId","Code",
 * "Message","Recommend"}} under Alibaba's HTTP statuses (CONTRACT §10). Another account's list
 * or task answers exactly like an unknown one.
 */
public class AlibabaErrorMapper implements ExceptionMapper<Throwable> {

    static final String HOST_ID = "bulk-upload";

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable exception) {
        String trackingId = TrackingIdFilter.of(request);
        Failures.Classified failure = Failures.classifyAndLog(exception, trackingId, "Alibaba call");
        int status;
        String code;
        switch (failure.error()) {
            case INCOMPLETE_SIGNATURE, SIGNATURE_DOES_NOT_MATCH, SIGNATURE_NONCE_USED, MISSING_PARAMETER -> {
                status = 400;
                code = failure.error().errorCode();
            }
            case TIMESTAMP_EXPIRED -> {
                status = 400;
                code = "InvalidTimeStamp.Expired";
            }
            case INVALID_ACCESS_KEY_ID -> {
                status = 404;
                code = "InvalidAccessKeyId.NotFound";
            }
            case UNKNOWN_ACTION -> {
                status = 404;
                code = "InvalidAction.NotFound";
            }
            case INVALID_CUSTOMER_LIST, INVALID_REQUEST_ID -> {
                status = 404;
                code = failure.error() == ErrorCode.INVALID_CUSTOMER_LIST ? "CustomerListNotFound" : "UploadTaskNotFound";
            }
            case CALL_RATE_EXCEEDED, TOO_MANY_ACTIVE_UPLOADS -> {
                status = 429;
                code = "Throttling";
            }
            case INTERNAL_ERROR -> {
                status = 500;
                code = "InternalError";
            }
            case STORAGE_FULL -> {
                status = 503;
                code = "ServiceUnavailable";
            }
            default -> {
                status = failure.frameworkStatus() == 404 ? 404 : 400;
                code = failure.frameworkStatus() == 404 ? "InvalidAction.NotFound" : "InvalidParameter";
            }
        }
        String message = failure.error() == ErrorCode.INTERNAL_ERROR ? "The request processing has failed due to some unknown error."
                : failure.details() != null ? failure.details() : failure.error().message();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new AlibabaJson.Error(trackingId, HOST_ID, code, message, "Quote the RequestId to support."))
                .build();
    }
}
