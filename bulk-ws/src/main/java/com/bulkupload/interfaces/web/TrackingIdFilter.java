package com.bulkupload.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Gives every request a TrackingId before anything else runs: sent back as the {@code TrackingId}
 * HTTP header on every response (SOAP adds it as a SOAP header too), put in the logging context so
 * every log line of the request carries it, and logged once per request with the outcome. The
 * first filter of the chain (WEB-INF/web.xml); a call whose body {@link RequestBodyFilter} reads
 * first comes through again as an ASYNC dispatch, with the same TrackingId, and is logged once it
 * is complete.
 */
public class TrackingIdFilter extends HttpFilter {

    public static final String HEADER = "TrackingId";
    private static final Logger LOG = Logger.getLogger("com.bulkupload.access");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            MDC.put(HEADER, of(request));
            try {
                chain.doFilter(request, response);
            } finally {
                MDC.remove(HEADER);
            }
            return;
        }
        String trackingId = newTrackingId();
        request.setAttribute(HEADER, trackingId);
        response.setHeader(HEADER, trackingId);
        MDC.put(HEADER, trackingId);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(HEADER);
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        logOutcome(request, response, trackingId, started);
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                    }
                });
            } else {
                logOutcome(request, response, trackingId, started);
            }
        }
    }

    private static void logOutcome(HttpServletRequest request, HttpServletResponse response, String trackingId, long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        MDC.put(HEADER, trackingId);
        // The query string is left out: it may carry signatures.
        LOG.info(() -> request.getMethod() + " " + request.getRequestURI() + " -> " + response.getStatus() + " in " + millis + " ms");
        MDC.remove(HEADER);
    }

    public static String of(HttpServletRequest request) {
        Object id = request == null ? null : request.getAttribute(HEADER);
        return id == null ? "" : id.toString();
    }

    /**
     * A random version-4 UUID from ThreadLocalRandom: a TrackingId must be unique, not secret, and
     * UUID.randomUUID()'s shared SecureRandom is a lock every request would queue on.
     */
    static String newTrackingId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~(0xC000000000000000L)) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
