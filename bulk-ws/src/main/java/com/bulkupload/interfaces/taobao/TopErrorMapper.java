package com.bulkupload.interfaces.taobao;

import com.bulkupload.application.importing.Causes;
import com.bulkupload.interfaces.web.Failures;
import com.bulkupload.interfaces.web.TrackingIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TOP's {@code error_response}, always with HTTP 200, in the format the call asked for (XML unless
 * {@code format=json}), with TOP's codes: 7 call limited, 15 a business or platform error (its
 * {@code sub_code} says which), 21/24/26/28/30 a missing system parameter, 22 invalid method, 25
 * invalid signature, 27 invalid session, 29 invalid app key, 31 invalid timestamp, 40 missing
 * parameter, 41 invalid parameter.
 */
public class TopErrorMapper implements ExceptionMapper<Throwable> {

    static final String FORMAT = TopErrorMapper.class.getName() + ".json";

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable exception) {
        String trackingId = TrackingIdFilter.of(request);
        TopError error = Causes.find(exception, TopError.class);
        if (error == null) {
            Failures.Classified failure = Failures.classifyAndLog(exception, trackingId, "TOP call");
            String details = failure.details() != null ? failure.details() : failure.error().message();
            error = switch (failure.error()) {
                case INVALID_ACCESS_KEY_ID -> new TopError("29", "Invalid app Key", null, null);
                case SIGNATURE_DOES_NOT_MATCH, INCOMPLETE_SIGNATURE -> new TopError("25", "Invalid signature", null, null);
                case TIMESTAMP_EXPIRED -> new TopError("31", "Invalid timestamp", null, details);
                case INVALID_SESSION -> new TopError("27", "Invalid session", null, details);
                case CALL_RATE_EXCEEDED, TOO_MANY_ACTIVE_UPLOADS -> new TopError("7", "App call limited", null, null);
                case ANALYSIS_TASK_NOT_FOUND -> new TopError("15", "Remote service error", "isv.task-not-found", details);
                case INVALID_CUSTOMER_LIST -> new TopError("15", "Remote service error", "isv.crowd-not-found", details);
                case INVALID_ANALYSIS_PERIOD -> new TopError("15", "Remote service error", "isv.invalid-period", details);
                case INTERNAL_ERROR -> new TopError("15", "Remote service error", "isp.unknown-error", "Quote request_id " + trackingId + ".");
                case STORAGE_FULL -> new TopError("15", "Remote service error", "isp.service-unavailable", details);
                default -> failure.frameworkStatus() == 404 || failure.frameworkStatus() == 405
                        ? new TopError("22", "Invalid method", null, null) : TopError.invalidParameter(details);
            };
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", Integer.valueOf(error.code));
        body.put("msg", error.getMessage());
        body.put("sub_code", error.subCode);
        body.put("sub_msg", error.subMessage);
        body.put("request_id", trackingId);
        body.values().removeIf(java.util.Objects::isNull);
        boolean json = Boolean.TRUE.equals(request.getAttribute(FORMAT));
        String text = TopResponses.render("error_response", body, !json, false);
        return Response.ok(text, json ? "application/json;charset=UTF-8" : "text/xml;charset=UTF-8").build();
    }
}
