package com.bulkupload.infrastructure.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.application.requests.RemoteFiles;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeHttpFetcherTest {

    private static final byte[] FILE = "Email\na@example.com\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path work;

    private HttpServer server;
    private String base;
    private final AtomicInteger requests = new AtomicInteger();
    private SafeHttpFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int port = server.getAddress().getPort();
        base = "http://127.0.0.1:" + port;
        server.createContext("/file.csv", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, FILE.length);
            exchange.getResponseBody().write(FILE);
            exchange.close();
        });
        server.createContext("/to-localhost", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://localhost:" + port + "/file.csv");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/loop", exchange -> {
            exchange.getResponseHeaders().add("Location", "/loop");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/huge.csv", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 64; i++) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // the fetcher hung up at its limit, as it should
            }
        });
        server.createContext("/slow.csv", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try {
                exchange.getResponseBody().write("Email\n".getBytes(StandardCharsets.US_ASCII));
                exchange.getResponseBody().flush();
                Thread.sleep(5_000);
            } catch (InterruptedException | IOException e) {
                // stopped
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        fetcher = new SafeHttpFetcher(Set.of("127.0.0.1"), Duration.ofSeconds(2), Duration.ofSeconds(1), 1_000_000);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String refusal(String url) {
        return assertThrows(RemoteFiles.DownloadFailed.class, () -> fetcher.download(url, work.resolve("out"), () -> { })).getMessage();
    }

    @Test
    void anAllowedHostsFileIsStreamedToItsTarget() throws Exception {
        Path out = work.resolve("out.csv");
        assertEquals(FILE.length, fetcher.download(base + "/file.csv", out, () -> { }));
        assertEquals(new String(FILE, StandardCharsets.US_ASCII), Files.readString(out));
    }

    @Test
    void addressesThatAreNotPublicAreNeverConnectedTo() {
        int port = server.getAddress().getPort();
        assertTrue(refusal("http://localhost:" + port + "/file.csv").contains("not a public address"), "a host resolving to loopback");
        assertTrue(refusal("http://[::1]:" + port + "/file.csv").contains("not a public address"));
        assertTrue(refusal("http://169.254.169.254/latest/meta-data/").contains("169.254.169.254"));
        assertTrue(refusal("http://10.1.2.3/file.csv").contains("not a public address"));
        assertTrue(refusal("http://192.168.1.1/file.csv").contains("not a public address"));
        assertTrue(refusal("http://[fd00::1]/file.csv").contains("not a public address"));
        assertTrue(refusal("http://[::ffff:127.0.0.1]:" + port + "/file.csv").contains("not a public address"));
        assertTrue(refusal("http://0.0.0.0:" + port + "/file.csv").contains("not a public address"));
        assertEquals(0, requests.get(), "nothing reached the server");
    }

    @Test
    void aRedirectIsJudgedLikeTheFirstUrl() {
        assertTrue(refusal(base + "/to-localhost").contains("not a public address"));
        assertTrue(refusal(base + "/loop").contains("more than 3 times"));
        assertEquals(0, requests.get());
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
        for (String url : new String[] {"file:///etc/passwd", "ftp://127.0.0.1/file.csv", "gopher://127.0.0.1:70/_x", "jar:file:/x!/y", "//127.0.0.1/x"}) {
            String reason = refusal(url);
            assertTrue(reason.contains("must be http or https"), url + ": " + reason);
        }
        assertTrue(refusal("http:///nohost").contains("no host"));
    }

    @Test
    void aDownloadStopsAtTheSizeLimitAndASlowServerTimesOut() {
        assertTrue(refusal(base + "/huge.csv").contains("larger than the limit of 1000000 bytes"));
        assertFalse(Files.exists(work.resolve("out")) && work.resolve("out").toFile().length() > 1_000_000);
        long started = System.nanoTime();
        assertTrue(refusal(base + "/slow.csv").contains("read timed out"));
        assertTrue(System.nanoTime() - started < 4_000_000_000L, "the 1 s read timeout, not the server's 5 s");
    }

    @Test
    void publicAddressesArePublicAndTheirPrivateIpv6FormsAreNot() throws Exception {
        assertTrue(PublicAddresses.isPublic(InetAddress.getByName("8.8.8.8")));
        assertTrue(PublicAddresses.isPublic(InetAddress.getByName("2606:4700::1111")));
        for (String address : new String[] {"100.64.0.1", "172.16.0.1", "224.0.0.1", "255.255.255.255", "192.0.2.1", "198.18.0.1",
                "::", "fe80::1", "2002:7f00:1::", "64:ff9b::a9fe:a9fe", "2001:db8::1"}) {
            assertFalse(PublicAddresses.isPublic(InetAddress.getByName(address)), address);
        }
    }
}
