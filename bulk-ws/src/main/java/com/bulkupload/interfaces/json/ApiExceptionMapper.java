package com.bulkupload.interfaces.json;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.Causes;
import com.bulkupload.application.OperationErrorView;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.interfaces.web.TrackingIdFilter;
import com.fasterxml.jackson.core.JacksonException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place a JSON error is made, for every exception of every resource and filter: an
 * {@code ApiFaultDetail} body with the TrackingId and one OperationError, with the code's HTTP
 * status. Unexpected failures are logged with their stack trace and shown only as code 0.
 */
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable exception) {
        String trackingId = TrackingIdFilter.of(request);
        ErrorCode error;
        String details;
        int status;
        BulkApiException refusal = Causes.find(exception, BulkApiException.class);
        if (refusal != null) {
            error = refusal.error();
            details = refusal.details();
            status = error.httpStatus();
        } else if (Causes.find(exception, JacksonException.class) != null) {
            error = ErrorCode.NULL_REQUEST;
            details = "The body is not valid JSON for this operation: " + Causes.find(exception, JacksonException.class).getOriginalMessage();
            status = error.httpStatus();
        } else if (exception instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            // Not found, method not allowed, unsupported media type: the request itself is wrong.
            error = ErrorCode.NULL_REQUEST;
            status = web.getResponse().getStatus();
            details = "HTTP " + status + ": " + web.getMessage();
        } else {
            error = ErrorCode.INTERNAL_ERROR;
            details = null;
            status = error.httpStatus();
            LOG.log(Level.SEVERE, "JSON call failed, TrackingId=" + trackingId, exception);
        }
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(BulkJson.ApiFaultDetail.of(trackingId, OperationErrorView.of(error, details)))
                .build();
    }
}
