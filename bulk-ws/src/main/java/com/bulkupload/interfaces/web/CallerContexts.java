package com.bulkupload.interfaces.web;

import com.bulkupload.application.CallerContext;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

/**
 * Where the authenticated caller of the current CXF exchange is kept, for SOAP and JSON alike:
 * the SOAP interceptor and the JAX-RS filter put it there, the endpoints take it out.
 */
public final class CallerContexts {

    private CallerContexts() {
    }

    public static void set(CallerContext caller) {
        PhaseInterceptorChain.getCurrentMessage().getExchange().put(CallerContext.class, caller);
    }

    public static CallerContext current() {
        CallerContext caller = PhaseInterceptorChain.getCurrentMessage().getExchange().get(CallerContext.class);
        if (caller == null) {
            throw new IllegalStateException("No authenticated caller on this exchange: the endpoint is not behind the authenticator");
        }
        return caller;
    }

    /** The TrackingId of the HTTP request this CXF message (request, response or fault) belongs to. */
    public static String trackingId(Message message) {
        Message inbound = message.getExchange() == null ? null : message.getExchange().getInMessage();
        Message request = inbound != null ? inbound : message;
        return TrackingIdFilter.of((HttpServletRequest) request.get(AbstractHTTPDestination.HTTP_REQUEST));
    }
}
