package com.bulkupload.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.domain.model.error.ErrorCode;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limits on uploads in flight and the minimum rate, with servlet requests made up and a clock the test turns. */
class UploadGateTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong clock = new AtomicLong();

    /** A body that arrives {@code bytesPerRead} at a time, each read taking {@code nanosPerRead}; complete means all of it is there. */
    private final class Body extends ServletInputStream {
        private long left;
        private final int bytesPerRead;
        private final long nanosPerRead;
        private final boolean arrived;

        Body(long bytes, int bytesPerRead, long nanosPerRead, boolean arrived) {
            this.left = bytes;
            this.bytesPerRead = bytesPerRead;
            this.nanosPerRead = nanosPerRead;
            this.arrived = arrived;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            clock.addAndGet(nanosPerRead);
            int n = (int) Math.min(Math.min(len, bytesPerRead), left);
            left -= n;
            return n;
        }

        @Override
        public int available() {
            return arrived ? (int) Math.min(Integer.MAX_VALUE, left) : 0;
        }

        @Override
        public boolean isFinished() {
            return left == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }

    private static HttpServletRequest request(String method, String uri, String address, ServletInputStream body) {
        return request(method, uri, address, body, Map.of());
    }

    private static HttpServletRequest request(String method, String uri, String address, ServletInputStream body, Map<String, String> headers) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(UploadGateTest.class.getClassLoader(), new Class<?>[]{HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> "";
                    case "getServletPath" -> "";
                    case "getRemoteAddr" -> address;
                    case "getInputStream" -> body;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> null;
                });
    }

    private static HttpServletResponse response(Map<String, String> headers) {
        return (HttpServletResponse) Proxy.newProxyInstance(UploadGateTest.class.getClassLoader(), new Class<?>[]{HttpServletResponse.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "isCommitted" -> false;
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    default -> null;
                });
    }

    /** The account counts of the whole cluster, as the database keeps them: one shared by the gates of several nodes. */
    private static final class SharedAccountUploads implements UploadGate.AccountUploads {
        private final int perAccount;
        private final Map<String, Long> streaming = new HashMap<>();
        private final List<String> alive = new ArrayList<>();
        private int next;

        SharedAccountUploads(int perAccount) {
            this.perAccount = perAccount;
        }

        @Override
        public synchronized java.util.Optional<String> enter(Long accountId) {
            if (streaming.values().stream().filter(accountId::equals).count() >= perAccount) {
                return java.util.Optional.empty();
            }
            String id = "upload-" + next++;
            streaming.put(id, accountId);
            return java.util.Optional.of(id);
        }

        @Override
        public synchronized void alive(String uploadId) {
            alive.add(uploadId);
        }

        @Override
        public synchronized void leave(String uploadId) {
            streaming.remove(uploadId);
        }
    }

    private UploadGate gate(int perAccount, int perAddress, int perNode) {
        return gate(perAccount, perAddress, perNode, new SharedAccountUploads(perAccount));
    }

    private UploadGate gate(int perAccount, int perAddress, int perNode, UploadGate.AccountUploads accounts) {
        return new UploadGate(perAccount, perAddress, perNode, 8192, SECOND, clock::get, accounts);
    }

    private HttpServletRequest upload(String address) {
        return request("POST", "/files/uploads/r", address, new Body(100, 100, 0, true));
    }

    @Test
    void theFifthUploadOfAnAccountIsRefusedWith117UntilOneOfTheFourEnds() {
        UploadGate gate = gate(4, 100, 100);
        List<UploadGate.Pass> passes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            passes.add(gate.admit(7L, upload("10.0.0." + i), response(new HashMap<>())));
        }
        UploadGate.UploadsInFlightExceeded refused = assertThrows(UploadGate.UploadsInFlightExceeded.class,
                () -> gate.admit(7L, upload("10.0.0.9"), response(new HashMap<>())));
        assertEquals(ErrorCode.CALL_RATE_EXCEEDED, refused.error());
        assertEquals(4, gate.inFlight(), "a refusal takes nothing");
        gate.admit(8L, upload("10.0.0.9"), response(new HashMap<>())).close();
        passes.get(0).close();
        passes.get(0).close(); // closing twice lets one in, not two
        gate.admit(7L, upload("10.0.0.9"), response(new HashMap<>()));
        assertThrows(UploadGate.UploadsInFlightExceeded.class, () -> gate.admit(7L, upload("10.0.0.10"), response(new HashMap<>())));
    }

    @Test
    void anAddressAndTheNodeHaveLimitsOfTheirOwnWhateverTheAccount() {
        UploadGate gate = gate(10, 2, 3);
        gate.admit(1L, upload("192.0.2.1"), response(new HashMap<>()));
        gate.admit(2L, upload("192.0.2.1"), response(new HashMap<>()));
        assertThrows(UploadGate.UploadsInFlightExceeded.class, () -> gate.admit(3L, upload("192.0.2.1"), response(new HashMap<>())));
        gate.admit(null, upload("192.0.2.2"), response(new HashMap<>())); // Marketo, token in the body: no account yet
        assertThrows(UploadGate.UploadsInFlightExceeded.class, () -> gate.admit(4L, upload("192.0.2.3"), response(new HashMap<>())));
        assertEquals(3, gate.inFlight());
    }

    @Test
    void anUploadUnderTheMinimumRateOverAWindowIsCutWith3219AndItsConnectionMarkedToClose() throws Exception {
        UploadGate gate = gate(4, 4, 4);
        Map<String, String> headers = new HashMap<>();
        HttpServletRequest trickle = request("POST", "/files/uploads/r", "10.0.0.1", new Body(1_000_000, 100, SECOND / 10, false));
        try (UploadGate.Pass pass = gate.admit(1L, trickle, response(headers))) {
            InputStream in = pass.request().getInputStream();
            byte[] buffer = new byte[8192];
            UploadGate.UploadCut cut = assertThrows(UploadGate.UploadCut.class, () -> {
                while (in.read(buffer) >= 0) {
                    // 100 bytes a tenth of a second: 1,000 B/s
                }
            });
            assertEquals(ErrorCode.UPLOAD_TOO_SLOW, cut.error());
            assertTrue(clock.get() <= 2 * SECOND, "cut at the end of the first window, not later: " + clock.get());
        }
        assertEquals("close", headers.get("Connection"));
        assertEquals(0, gate.inFlight());
    }

    @Test
    void anUploadAtTheMinimumRateOrFasterIsNeverCut() throws Exception {
        UploadGate gate = gate(4, 4, 4);
        HttpServletRequest steady = request("POST", "/files/uploads/r", "10.0.0.1", new Body(200_000, 1000, SECOND / 10, false));
        try (UploadGate.Pass pass = gate.admit(1L, steady, response(new HashMap<>()))) {
            assertEquals(200_000, pass.request().getInputStream().transferTo(java.io.OutputStream.nullOutputStream()));
        }
    }

    @Test
    void aRefusedBodyThatHasArrivedIsReadSoItsClientGetsTheAnswerAndOneStillComingIsLeftUnread() {
        UploadGate gate = gate(1, 4, 4);
        gate.admit(1L, upload("10.0.0.1"), response(new HashMap<>()));
        Map<String, String> whole = new HashMap<>();
        HttpServletRequest sent = request("POST", "/files/uploads/r", "10.0.0.1", new Body(5_000, 5_000, 0, true));
        assertThrows(UploadGate.UploadsInFlightExceeded.class, () -> gate.admit(1L, sent, response(whole)));
        assertNull(whole.get("Connection"), "the connection serves again");
        Map<String, String> coming = new HashMap<>();
        HttpServletRequest trickling = request("POST", "/files/uploads/r", "10.0.0.1", new Body(5_000, 10, SECOND, false));
        assertThrows(UploadGate.UploadsInFlightExceeded.class, () -> gate.admit(1L, trickling, response(coming)));
        assertEquals("close", coming.get("Connection"));
        assertEquals(0, clock.get(), "nothing waited for the trickling body");
    }

    @Test
    void aRefusedClientThatWaitsFor100ContinueIsNeverAskedForItsBodyAndItsConnectionClosesAfterTheAnswer() throws Exception {
        UploadGate gate = gate(1, 4, 4);
        gate.admit(1L, upload("10.0.0.1"), response(new HashMap<>()));
        Body body = new Body(64_000_000, 8192, 0, true);
        Map<String, String> answer = new HashMap<>();
        HttpServletRequest waiting = request("POST", "/files/uploads/r", "10.0.0.1", body, Map.of("Expect", "100-continue"));
        assertThrows(UploadGate.UploadsInFlightExceeded.class, () -> gate.admit(1L, waiting, response(answer)));
        assertEquals(64_000_000, body.left, "not a byte read: the container sends 100 Continue on the first read");
        assertEquals("close", answer.get("Connection"));

        // admitted, then refused before its body was opened (the store too full for its declared length)
        Body second = new Body(64_000_000, 8192, 0, true);
        Map<String, String> refused = new HashMap<>();
        HttpServletRequest admitted = request("POST", "/files/uploads/s", "10.0.0.2", second, Map.of("Expect", "100-continue"));
        gate.admit(2L, admitted, response(refused)).close();
        assertEquals(64_000_000, second.left);
        assertEquals("close", refused.get("Connection"));
    }

    @Test
    void onlyTheTwoFileUploadsAreUploadsWhateverTheirPathSpelling() {
        assertTrue(UploadGate.isFileUpload(request("POST", "/files/uploads/abc", "", null)));
        assertTrue(UploadGate.isFileUpload(request("POST", "/bulk/v1/leads.json", "", null)));
        assertTrue(UploadGate.isFileUpload(request("POST", "/rest/../bulk/v1/leads.json", "", null)));
        assertFalse(UploadGate.isFileUpload(request("GET", "/files/uploads/abc", "", null)));
        assertFalse(UploadGate.isFileUpload(request("POST", "/Bulk/v13/BulkService.svc", "", null)));
        assertFalse(UploadGate.isFileUpload(request("POST", "/files/uploads/../../Bulk/v13/BulkService.svc", "", null)));
        assertFalse(UploadGate.isFileUpload(request("POST", "/bulk/v1/leads/batch/1.json", "", null)));
    }

    @Test
    void anAccountsLimitHoldsAcrossNodesAndAStreamingUploadSaysItIsAliveEachWindow() throws Exception {
        SharedAccountUploads cluster = new SharedAccountUploads(2);
        UploadGate node1 = gate(2, 100, 100, cluster);
        UploadGate node2 = gate(2, 100, 100, cluster);
        UploadGate.Pass first = node1.admit(7L, upload("10.0.0.1"), response(new HashMap<>()));
        node2.admit(7L, upload("10.0.0.2"), response(new HashMap<>()));
        assertThrows(UploadGate.UploadsInFlightExceeded.class, () -> node1.admit(7L, upload("10.0.0.3"), response(new HashMap<>())));
        assertThrows(UploadGate.UploadsInFlightExceeded.class, () -> node2.admit(7L, upload("10.0.0.3"), response(new HashMap<>())));
        assertEquals(1, node1.inFlight(), "a refusal by the account's count gives back the node's and the address's");
        first.close();
        node2.admit(7L, upload("10.0.0.3"), response(new HashMap<>()));

        HttpServletRequest steady = request("POST", "/files/uploads/r", "10.0.0.1", new Body(100_000, 1000, SECOND / 10, false));
        try (UploadGate.Pass pass = gate(4, 4, 4, cluster).admit(8L, steady, response(new HashMap<>()))) {
            pass.request().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertTrue(cluster.alive.size() >= 9, "10 s of bytes in 1 s windows: " + cluster.alive);
    }
}
