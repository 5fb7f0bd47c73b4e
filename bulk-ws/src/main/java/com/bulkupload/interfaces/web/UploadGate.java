package com.bulkupload.interfaces.web;

import com.bulkupload.application.BulkSettings;
import com.bulkupload.domain.model.error.ErrorCode;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.cxf.io.DelegatingInputStream;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;

/**
 * Bounds what file uploads (Bing's UploadUrl, Marketo's leads.json, the console) hold while they
 * stream, the only requests that keep a worker thread for as long as their bytes take: at most
 * BULK_MAX_UPLOADS_PER_ACCOUNT per account, BULK_MAX_UPLOADS_PER_ADDRESS per source address and
 * BULK_MAX_UPLOADS on the node (fewer than its worker threads, so that API calls always find one);
 * one more is refused at once with 117 / HTTP 429 (Marketo: 615). An upload slower than
 * BULK_UPLOAD_MIN_BYTES_PER_SECOND over a window of BULK_UPLOAD_RATE_WINDOW_SECONDS is cut with
 * 3219 and its connection closed; a stalled one is cut by the listener's read timeout. Either way
 * the request keeps waiting for its file and nothing half-written is kept.
 * <p>
 * The account's count is the cluster's ({@link AccountUploads}: rows in the shared database), so
 * an account streams its limit across all nodes together. The address and node counts are this
 * node's, in memory, on purpose: what they protect are this node's threads and connections
 * (docs/design.md, "Slow and greedy clients"); the address is the client's own behind a trusted
 * balancer ({@link ClientAddressFilter}).
 */
public final class UploadGate {

    private final int perAccount;
    private final int perAddress;
    private final int perNode;
    private static final String NODE = "node";
    private static final String CUT = UploadGate.class.getName() + ".cut";
    private static final long FINISH_BYTES = 1024 * 1024;
    private final long minBytesPerWindow;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final AccountUploads accounts;
    private final ConcurrentHashMap<String, Integer> addresses = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> node = new ConcurrentHashMap<>();

    /** The uploads of each account streaming now on every node (implemented over {@code UploadsInFlight}). */
    public interface AccountUploads {
        /** An id for one more upload of the account, or empty if it streams its limit already. */
        Optional<String> enter(Long accountId);

        /** The upload still streams (at least once a rate window). */
        void alive(String uploadId);

        void leave(String uploadId);
    }

    public UploadGate(BulkSettings settings, AccountUploads accounts) {
        this(settings.maxUploadsPerAccount(), settings.maxUploadsPerAddress(), settings.maxUploadsPerNode(),
                settings.minUploadBytesPerSecond() * settings.uploadRateWindow().toSeconds(), settings.uploadRateWindow().toNanos(),
                System::nanoTime, accounts);
    }

    UploadGate(int perAccount, int perAddress, int perNode, long minBytesPerWindow, long windowNanos, LongSupplier nanoClock,
               AccountUploads accounts) {
        this.accounts = accounts;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.perNode = perNode;
        this.minBytesPerWindow = minBytesPerWindow;
        this.windowNanos = windowNanos;
        this.nanoClock = nanoClock;
    }

    /** Whether the request is a file upload, which streams on a worker thread instead of being read first ({@link RequestBodyFilter}). */
    public static boolean isFileUpload(HttpServletRequest request) {
        HttpServletRequest resolved = DotSegments.resolved(request);
        String path = resolved.getRequestURI().substring(Math.min(resolved.getRequestURI().length(), request.getContextPath().length()));
        return isFileUpload(request.getMethod(), path);
    }

    /** The same, of a method and a path within the application whose dot segments are resolved. */
    static boolean isFileUpload(String method, String path) {
        return "POST".equalsIgnoreCase(method) && (path.startsWith("/files/uploads/") || path.equals("/bulk/v1/leads.json"));
    }

    /**
     * Closes the connection of an upload that was cut, once its answer is flushed. Without this
     * the container would read the rest of the body before it let go of the worker thread (it
     * drains every request), which a trickling client makes last as long as it likes. Undertow's
     * own API: the Servlet API has no way to drop a connection.
     */
    public static void closeIfCut(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(CUT) == null) {
            return;
        }
        try {
            response.flushBuffer();
        } catch (IOException e) {
            // the client is gone already
        }
        try {
            io.undertow.servlet.handlers.ServletRequestContext.requireCurrent().getExchange().getConnection().close();
        } catch (IOException e) {
            // closed already
        }
    }

    /**
     * Reads what is left of a body that was refused or not read to its end (the epilogue after the
     * last part, a small file refused before it was read), as far as it has arrived already and up
     * to {@value #FINISH_BYTES} bytes, never waiting for more: so that a client which sends its
     * whole body before it reads the answer gets that answer, and the connection serves again. A
     * body with more to come is left unread ({@link #leaveUnread}); waiting for it would hand the
     * worker thread to the client, for each refusal.
     */
    private static void finishOrLeave(HttpServletRequest request, HttpServletResponse response, boolean bodyOpened) {
        if (request.getAttribute(CUT) != null) {
            return; // cut while it was read: left unread already
        }
        if (!bodyOpened && "100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            // the client waits for "100 Continue" before it sends the body, and the container sends
            // that on the first read: reading here would call for the whole body only to drop the
            // connection under it, and the reset could take the refusal with it (seen with curl
            // and a 64 MB upload refused 3224). Unread, the client reads the refusal and sends nothing.
            leaveUnread(request, response);
            return;
        }
        try {
            ServletInputStream in = request.getInputStream();
            byte[] buffer = new byte[16 * 1024];
            long left = FINISH_BYTES;
            // available() reads what the connection holds without blocking, and sees the body's end
            for (int ready = in.available(); left > 0 && !in.isFinished() && ready > 0; ready = in.available()) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, Math.min(left, ready)));
                if (n < 0) {
                    return;
                }
                left -= n;
            }
            if (!in.isFinished()) {
                leaveUnread(request, response);
            }
        } catch (IOException | IllegalStateException e) {
            leaveUnread(request, response); // the client is gone
        }
    }

    /**
     * The rest of the body is never read: CXF is handed an empty stream in its place (it would
     * read the rest before it writes the answer), and the connection is closed once the answer is
     * out ({@link #closeIfCut}).
     */
    static void leaveUnread(HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(CUT, Boolean.TRUE);
        if (!response.isCommitted()) {
            response.setHeader("Connection", "close");
        }
        Message message = PhaseInterceptorChain.getCurrentMessage();
        Message inbound = message == null || message.getExchange() == null ? null : message.getExchange().getInMessage();
        DelegatingInputStream body = inbound == null ? null : inbound.getContent(DelegatingInputStream.class);
        if (body != null) {
            body.setInputStream(InputStream.nullInputStream());
        }
    }

    /** Thrown when one more upload would pass a limit: the protocol's rate-limit error. */
    public static final class UploadsInFlightExceeded extends com.bulkupload.application.BulkApiException {
        UploadsInFlightExceeded(String details) {
            super(ErrorCode.CALL_RATE_EXCEEDED, details);
        }
    }

    /**
     * Lets the upload in, or refuses it; the pass must be closed when the upload is over. Its
     * request reads the body under the minimum rate. {@code accountId} is null when the caller is
     * only known from the body (Marketo's access_token form field): then the address and node
     * limits hold alone.
     */
    public Pass admit(Long accountId, HttpServletRequest request, HttpServletResponse response) {
        String address = request.getRemoteAddr() == null ? "" : request.getRemoteAddr();
        try {
            return enter(accountId, address, request, response);
        } catch (UploadsInFlightExceeded refused) {
            finishOrLeave(request, response, false);
            throw refused;
        }
    }

    private Pass enter(Long accountId, String address, HttpServletRequest request, HttpServletResponse response) {
        // this node's own limits first: a refusal there costs the database nothing
        if (!take(addresses, address, perAddress)) {
            throw new UploadsInFlightExceeded("This address has " + perAddress + " uploads in flight already; send this file when one has finished.");
        }
        if (!take(node, NODE, perNode)) {
            release(addresses, address);
            throw new UploadsInFlightExceeded("The server takes " + perNode + " uploads at once; send this file again in a moment.");
        }
        String upload = null;
        if (accountId != null) {
            try {
                upload = accounts.enter(accountId).orElse(null);
            } catch (RuntimeException e) {
                release(addresses, address);
                release(node, NODE);
                throw e;
            }
            if (upload == null) {
                release(addresses, address);
                release(node, NODE);
                throw new UploadsInFlightExceeded("This account has " + perAccount + " uploads in flight already; send this file when one has finished.");
            }
        }
        return new Pass(upload, address, request, response);
    }

    /** Uploads in flight on this node now. */
    public int inFlight() {
        return node.getOrDefault(NODE, 0);
    }

    /** One more for the key, unless it has {@code limit} already; a count back to 0 leaves the map. */
    private static <K> boolean take(ConcurrentHashMap<K, Integer> counts, K key, int limit) {
        boolean[] taken = {false};
        counts.compute(key, (k, n) -> {
            int now = n == null ? 0 : n;
            if (now >= limit) {
                return n;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    private static <K> void release(ConcurrentHashMap<K, Integer> counts, K key) {
        counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** An admitted upload: its request reads the body under the minimum rate; close() lets the next one in. */
    public final class Pass implements AutoCloseable {

        private final String upload;
        private final String address;
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private boolean closed;

        private Pass(String upload, String address, HttpServletRequest request, HttpServletResponse response) {
            this.upload = upload;
            this.address = address;
            this.response = response;
            this.request = new RateGuardedRequest(request, response, upload);
        }

        public HttpServletRequest request() {
            return request;
        }

        /** Lets the next upload in; a body not read to its end (a refusal, a cut) is left unread and its connection closed. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                finishOrLeave((HttpServletRequest) ((HttpServletRequestWrapper) request).getRequest(), response,
                        ((RateGuardedRequest) request).guarded != null);
                release(addresses, address);
                release(node, NODE);
                if (upload != null) {
                    try {
                        accounts.leave(upload);
                    } catch (RuntimeException e) {
                        // the database is away: the row stops counting once its lease passes
                    }
                }
            }
        }
    }

    /** Why an upload's body stopped: too slow (3219), or the client's connection failed. */
    public static final class UploadCut extends IOException {
        private final ErrorCode error;

        UploadCut(ErrorCode error, String message, Throwable cause) {
            super(message, cause);
            this.error = error;
        }

        public ErrorCode error() {
            return error;
        }
    }

    private final class RateGuardedRequest extends HttpServletRequestWrapper {

        private final HttpServletResponse response;
        private final String upload;
        private ServletInputStream guarded;

        RateGuardedRequest(HttpServletRequest request, HttpServletResponse response, String upload) {
            super(request);
            this.response = response;
            this.upload = upload;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (guarded == null) {
                guarded = new RateGuardedInput(super.getInputStream(), (HttpServletRequest) getRequest(), response, upload);
            }
            return guarded;
        }
    }

    private final class RateGuardedInput extends ServletInputStream {

        private final ServletInputStream in;
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final String upload;
        private long windowStart = nanoClock.getAsLong();
        private long windowBytes;

        RateGuardedInput(ServletInputStream in, HttpServletRequest request, HttpServletResponse response, String upload) {
            this.in = in;
            this.request = request;
            this.response = response;
            this.upload = upload;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                // the client went away, or the listener's read timeout cut a stalled upload
                throw cut(ErrorCode.NULL_REQUEST, "The upload ended before the file was whole.", e);
            }
            if (n > 0) {
                windowBytes += n;
            }
            long now = nanoClock.getAsLong();
            if (now - windowStart >= windowNanos) {
                if (windowBytes < minBytesPerWindow && n >= 0) {
                    throw cut(ErrorCode.UPLOAD_TOO_SLOW, "The upload sent " + windowBytes + " bytes in " + (now - windowStart) / 1_000_000_000
                            + " s, under the minimum of " + minBytesPerWindow / Math.max(1, windowNanos / 1_000_000_000)
                            + " bytes per second; send the file again.", null);
                }
                windowStart = now;
                windowBytes = 0;
                if (upload != null) {
                    try {
                        accounts.alive(upload); // still counted for its account on every node
                    } catch (RuntimeException e) {
                        // the database is away: the upload goes on; whether its file is taken is decided at the end
                    }
                }
            }
            return n;
        }

        private UploadCut cut(ErrorCode error, String message, Throwable cause) {
            leaveUnread(request, response);
            return new UploadCut(error, message, cause);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
