package com.bulkupload.interfaces.web;

import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.requests.OperationErrorView;
import com.bulkupload.domain.model.error.ErrorCode;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Reads the body of every API call (SOAP, JSON, token, admin, read API, Marketo status, Alibaba
 * RPC, TOP; every request but a file upload, {@link UploadGate}) without holding a worker thread
 * while it arrives: a body already whole when the call starts is taken at once; any other is taken
 * in with non-blocking reads as its bytes arrive, on no thread at all between them, and the call
 * is dispatched once the body is whole. A body that is not whole within
 * BULK_REQUEST_BODY_SECONDS (10) is answered 408 and its connection closed; one over
 * BULK_MAX_REQUEST_BODY_BYTES (4 MiB, above the 1 MB the parsers accept, so that they refuse
 * a larger one with the protocol's own error) is answered 413 and closed. A slow or stalled client
 * therefore holds a connection and its bytes so far, never one of the threads that answer
 * everybody else (docs/operations.md, "Slow and greedy clients").
 */
public class RequestBodyFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(RequestBodyFilter.class.getName());
    private static final String BODY = RequestBodyFilter.class.getName() + ".body";

    @Inject
    BulkSettings settings;

    private long deadlineMillis;
    private int maxBytes;

    @Override
    public void init() {
        deadlineMillis = settings.requestBodyDeadline().toMillis();
        maxBytes = settings.maxRequestBodyBytes();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            Object body = request.getAttribute(BODY);
            chain.doFilter(body instanceof byte[] bytes ? new BufferedBodyRequest(request, bytes) : request, response);
            return;
        }
        if (UploadGate.isFileUpload(request)) {
            chain.doFilter(request, response);
            UploadGate.closeIfCut(request, response);
            return;
        }
        if (!hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            refuseTooLarge(request, response);
            return;
        }
        // the common case, a small body that came with its headers: taken as it is, without the
        // async round trip (which cost a third of the JSON status calls per second, measured)
        ServletInputStream in = request.getInputStream();
        long declared = request.getContentLengthLong();
        ByteArrayOutputStream arrived = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 512), 64 * 1024));
        if (declared > 0) {
            byte[] chunk = new byte[8192];
            // available() takes what the connection holds without blocking
            for (int ready = in.available(); ready > 0 && arrived.size() < declared; ready = in.available()) {
                int n = in.read(chunk, 0, Math.min(chunk.length, ready));
                if (n < 0) {
                    break;
                }
                arrived.write(chunk, 0, n);
            }
            if (arrived.size() >= declared) {
                chain.doFilter(new BufferedBodyRequest(request, arrived.toByteArray()), response);
                return;
            }
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(deadlineMillis);
        BodyReader reader = new BodyReader(async, in, arrived);
        async.addListener(reader);
        in.setReadListener(reader);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return hasBody(request.getContentLengthLong(), request.getHeader("Transfer-Encoding") != null);
    }

    /** Whether a request with this declared length, sent chunked or not, has a body (also {@link ApiCallThreads}'s test). */
    static boolean hasBody(long declaredLength, boolean chunked) {
        return declaredLength > 0 || chunked;
    }

    private void refuseTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(request, response, 413, "The request body is over " + maxBytes + " bytes.");
    }

    /** Answers and closes: the rest of the body is never read, so the connection cannot be used again. */
    static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String details) throws IOException {
        response.setStatus(status);
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        // the error body of every API of ours (CONTRACT §4, openapi.yaml's ApiFaultDetail)
        byte[] bytes = JsonMapping.MAPPER.writeValueAsBytes(ApiErrors.ApiFaultDetail.of(TrackingIdFilter.of(request),
                OperationErrorView.of(ErrorCode.NULL_REQUEST, details)));
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Collects the body as it arrives; the first of "whole", "too late", "too large", "gone" settles the call. */
    private final class BodyReader implements ReadListener, AsyncListener {

        private final AsyncContext async;
        private final ServletInputStream in;
        private final ByteArrayOutputStream body;
        private final byte[] chunk = new byte[8192];
        private final AtomicBoolean settled = new AtomicBoolean();

        /** {@code arrived}: what was read before the body had to be waited for. */
        BodyReader(AsyncContext async, ServletInputStream in, ByteArrayOutputStream arrived) {
            this.async = async;
            this.in = in;
            this.body = arrived;
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (!settled.get() && in.isReady()) {
                int n = in.read(chunk);
                if (n < 0) {
                    return; // onAllDataRead follows
                }
                body.write(chunk, 0, n);
                if (body.size() > maxBytes && settled.compareAndSet(false, true)) {
                    refuseTooLarge((HttpServletRequest) async.getRequest(), (HttpServletResponse) async.getResponse());
                    async.complete();
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() {
            if (settled.compareAndSet(false, true)) {
                async.getRequest().setAttribute(BODY, body.toByteArray());
                async.dispatch();
            }
        }

        @Override
        public void onError(Throwable failure) {
            // the client went away (or the listener's read timeout cut it): nobody to answer
            if (settled.compareAndSet(false, true)) {
                LOG.fine(() -> "A request body ended before it was whole: " + failure);
                async.complete();
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            if (settled.compareAndSet(false, true)) {
                org.jboss.logging.MDC.put(TrackingIdFilter.HEADER, TrackingIdFilter.of((HttpServletRequest) async.getRequest()));
                LOG.info(() -> "A request body was not whole within " + deadlineMillis + " ms (" + body.size()
                        + " bytes so far): answered 408 and closed");
                refuse((HttpServletRequest) async.getRequest(), (HttpServletResponse) async.getResponse(), 408,
                        "The request body did not arrive within " + deadlineMillis / 1000 + " seconds.");
                async.complete();
                org.jboss.logging.MDC.remove(TrackingIdFilter.HEADER);
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
