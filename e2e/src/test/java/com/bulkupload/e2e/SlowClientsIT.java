package com.bulkupload.e2e;

import static com.bulkupload.e2e.BulkApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.e2e.BulkApi.Reply;
import com.bulkupload.e2e.BulkApi.Tenant;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Clients that send slowly, or too much at once, cannot hold the server: the e2e server runs with
 * BULK_REQUEST_BODY_SECONDS=3, BULK_MAX_UPLOADS_PER_ACCOUNT=2 and a minimum upload rate of 8 KiB/s
 * over windows of 1 s (e2e/pom.xml). Raw sockets, since an HTTP client sends its body at once.
 */
@ServerTest
@RunAsClient
class SlowClientsIT {

    private static final URI BASE = URI.create(BulkApi.BASE);

    /** A request's head and the first bytes of a body of {@code declaredLength}, left open. */
    private static Socket startRequest(String method, String path, List<String> headers, long declaredLength, byte[] firstBytes)
            throws IOException {
        return startRequest(BASE, method, path, headers, declaredLength, firstBytes);
    }

    /** As above, to the server at {@code base} (one node of a cluster). */
    static Socket startRequest(URI base, String method, String path, List<String> headers, long declaredLength, byte[] firstBytes)
            throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(15_000);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n");
        for (int i = 0; i < headers.size(); i += 2) {
            head.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
        }
        head.append("Content-Length: ").append(declaredLength).append("\r\n\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(firstBytes);
        out.flush();
        return socket;
    }

    /** What the server answered on the socket, up to its closing it. */
    private static String answer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    static String path(String absoluteUrl) {
        return URI.create(absoluteUrl).getRawPath();
    }

    private static final String BOUNDARY = "slow-client-boundary";

    static byte[] filePartHead() {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nEmail,FirstName\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static List<String> uploadHeaders(Tenant tenant) {
        List<String> headers = new ArrayList<>(tenant.headers());
        headers.addAll(List.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY));
        return headers;
    }

    @Test
    void anApiBodySlowerThanTheDeadlineIsAnswered408AndClosedWhileOthersAreServed() throws IOException {
        Tenant tenant = BulkApi.newTenant();
        long started = System.nanoTime();
        List<Socket> slow = new ArrayList<>();
        try {
            slow.add(startRequest("POST", "/Bulk/v13/BulkUploadStatus/Query", List.of("Content-Type", "application/json"), 200,
                    "{\"Request".getBytes(StandardCharsets.US_ASCII)));
            slow.add(startRequest("POST", "/identity/oauth/token", List.of("Content-Type", "application/x-www-form-urlencoded"), 200,
                    "grant_type=client_".getBytes(StandardCharsets.US_ASCII)));
            slow.add(startRequest("POST", "/Bulk/v13/BulkService.svc", List.of("Content-Type", "text/xml; charset=utf-8",
                    "SOAPAction", "GetBulkUploadStatus"), 500, "<s:Envelope".getBytes(StandardCharsets.US_ASCII)));
            // meanwhile the server answers the same calls, sent whole, at once
            JsonApiIT.assertError(BulkApi.getBulkUploadStatus(tenant, "no-such-request"), 400, 3200);
            for (Socket socket : slow) {
                String answer = answer(socket);
                assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
                assertTrue(answer.toLowerCase().contains("connection: close"), answer);
                assertTrue(answer.contains("TrackingId:"), answer);
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertTrue(seconds >= 2 && seconds < 12, "answered at the 3 s deadline, not before or long after: " + seconds + " s");
    }

    @Test
    void theThirdUploadInFlightOfAnAccountIsRefusedWith117AndOverMarketoWith615() throws IOException {
        Tenant tenant = BulkApi.newTenant();
        List<Socket> inFlight = new ArrayList<>();
        Thread feeder = new Thread(() -> feed(inFlight));
        try {
            for (int i = 0; i < 2; i++) {
                Reply url = BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId()));
                inFlight.add(startRequest("POST", path(url.json().get("UploadUrl").asText()), uploadHeaders(tenant), 10_000_000,
                        filePartHead()));
            }
            feeder.start(); // both keep above the minimum rate, so they stay in flight
            pause(300);
            Reply third = BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId()));
            java.nio.file.Path file = ImportFlowIT.DATA.resolve("customers-10.csv");
            Reply refused = BulkApi.upload(tenant, third.json().get("UploadUrl").asText(), file);
            JsonApiIT.assertError(refused, 429, 117);
            Reply marketo = BulkApi.multipart(BulkApi.BASE + "/bulk/v1/leads.json?format=csv&access_token=" + tenant.accessToken(),
                    List.of(), file, "customers-10.csv", "text/csv");
            assertEquals("615", marketo.json().path("errors").path(0).path("code").asText(), marketo.body());
        } finally {
            feeder.interrupt();
            for (Socket socket : inFlight) {
                socket.close();
            }
        }
    }

    /** 20 KB a socket every 100 ms (200 KB/s, well over the minimum rate) until interrupted. */
    static void feed(List<Socket> sockets) {
        byte[] rows = "a@example.com,Ann\r\n".repeat(1_000).getBytes(StandardCharsets.US_ASCII);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (Socket socket : sockets) {
                    socket.getOutputStream().write(rows);
                    socket.getOutputStream().flush();
                }
                Thread.sleep(100);
            }
        } catch (IOException | InterruptedException e) {
            // closed by the test: done
        }
    }

    @Test
    void aTricklingUploadIsCutWith3219AndItsRequestStillTakesTheFile() throws IOException {
        Tenant tenant = BulkApi.newTenant();
        Reply url = BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId()));
        String uploadUrl = url.json().get("UploadUrl").asText();
        String answer;
        try (Socket socket = startRequest("POST", path(uploadUrl), uploadHeaders(tenant), 1_000_000, filePartHead())) {
            OutputStream out = socket.getOutputStream();
            try {
                // 10 bytes every 100 ms, 100 B/s, far under 8 KiB/s, until the server answers
                for (int i = 0; i < 40 && socket.getInputStream().available() == 0; i++) {
                    pause(100);
                    out.write(("a" + i + "@x.com,A\r\n").substring(0, 10).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException cut) {
                // the server closed the connection after its answer
            }
            answer = answer(socket);
        }
        assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
        assertTrue(answer.contains("3219"), answer);
        Reply pending = BulkApi.getBulkUploadStatus(tenant, url.json().get("RequestId").asText());
        assertEquals("PendingFileUpload", pending.json().get("RequestStatus").asText(), pending.body());
        Reply upload = BulkApi.upload(tenant, uploadUrl, ImportFlowIT.DATA.resolve("customers-10.csv"));
        assertEquals(200, upload.status(), upload.body());
        assertEquals("Completed", BulkApi.awaitFinalStatus(tenant, url.json().get("RequestId").asText(), ImportFlowIT.WAIT)
                .get("RequestStatus").asText());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
