package com.bulkupload.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.e2e.BulkApi.Reply;
import com.bulkupload.e2e.BulkApi.Tenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL schema, one Artemis broker and one shared directory, behind HAProxy
 * on :8080, started by {@code cluster/run up} (docs/operations.md, "Run a cluster") with the e2e
 * settings of the pom. Runs after the single-server suites, which hold the same ports. BulkApi.BASE
 * is the balancer; a node is also called on its own port where the test needs to choose the node.
 * Every wait is on a condition; a failed check prints what each node did.
 */
class ClusterIT {

    private static final Path ROOT = Path.of(System.getProperty("e2e.project.dir", "..")).toAbsolutePath().normalize();
    private static final Path CLUSTER = ROOT.resolve("cluster");
    private static final String SCHEMA = "bulk_cluster_e2e";
    private static final List<String> NODES = List.of("http://127.0.0.1:8180", "http://127.0.0.1:8280");
    private static final List<String> NODE_METRICS = List.of("http://127.0.0.1:10090/metrics", "http://127.0.0.1:10190/metrics");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path work;

    /** On a failed check: the cluster's state and the end of each node's log. */
    @RegisterExtension
    static final TestWatcher WHAT_EACH_NODE_DID = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            StringBuilder report = new StringBuilder("\n=== cluster after the failure of " + context.getDisplayName() + "\n");
            try {
                report.append(clusterRun(List.of("status"), 30));
                for (int k = 1; k <= NODES.size(); k++) {
                    Path log = CLUSTER.resolve("target/node" + k + "/log/server.log");
                    List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
                    report.append("--- node ").append(k).append(": imported rows ").append(importedRows(k - 1))
                            .append("; the last 40 lines of its log\n")
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()))).append('\n');
                }
            } catch (IOException | RuntimeException e) {
                report.append("(could not read the cluster's state: ").append(e).append(")\n");
            }
            System.out.println(report);
        }
    };

    @BeforeAll
    static void upTwoNodes() throws IOException, InterruptedException {
        // a schema of its own, empty: the cluster's state is only what these tests did
        VendorClients.run(List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-q", "-c",
                "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE"), null, 60);
        String output = clusterRun(List.of("up", "--nodes", "2"), 600);
        assertTrue(output.contains("2 node(s) behind http://127.0.0.1:8080"), output);
    }

    @AfterAll
    static void down() throws IOException, InterruptedException {
        clusterRun(List.of("down"), 180);
    }

    /** cluster/run with this JVM's environment (the pom's BULK_* settings reach every node) and the test schema. */
    static String clusterRun(List<String> arguments, int seconds) {
        List<String> command = new ArrayList<>(List.of(CLUSTER.resolve("run").toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BULK_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA);
        builder.environment().put("BULK_DB_USER", "postgres");
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("cluster/run " + arguments + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The rows node {@code index} has committed (its bulk_import_rows_total, every outcome). */
    static long importedRows(int index) {
        try {
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(NODE_METRICS.get(index)))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return (long) metrics.body().lines().filter(l -> l.startsWith("bulk_import_rows_total{"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static Reply postJson(String base, String path, String body, List<String> headers) {
        return BulkApi.send(BulkApi.withHeaders(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), headers));
    }

    private static byte[] download(String url) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), url + ": " + new String(response.body(), StandardCharsets.UTF_8));
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The same URL on another node: the nodes share the public URL, the balancer's. */
    private static String on(String node, String url) {
        assertTrue(url.startsWith(BulkApi.BASE), url);
        return node + url.substring(BulkApi.BASE.length());
    }

    private static void await(String what, Duration bound, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + bound + ": " + what);
            }
            Thread.sleep(250);
        }
    }

    @Test
    void aRequestOpenedOnOneNodeIsUploadedOnTheOtherPolledThroughTheBalancerAndItsResultIsTheSameFileFromEither() {
        Tenant tenant = BulkApi.newTenant();
        for (String node : NODES) {
            Reply health = BulkApi.send(HttpRequest.newBuilder(URI.create(node + "/health")).GET());
            assertEquals(200, health.status(), node + ": " + health.body());
        }
        Reply opened = postJson(NODES.get(0), "/Bulk/v13/BulkUploadUrl/Query",
                BulkApi.json("ResponseMode", "ErrorsAndResults", "AccountId", tenant.accountId()), tenant.headers());
        assertEquals(200, opened.status(), opened.body());
        String requestId = opened.json().get("RequestId").asText();
        Reply uploaded = BulkApi.upload(tenant, on(NODES.get(1), opened.json().get("UploadUrl").asText()), ImportFlowIT.DATA.resolve("messy.csv"));
        assertEquals(200, uploaded.status(), uploaded.body());
        JsonNode status = BulkApi.awaitFinalStatus(tenant, requestId, Duration.ofMinutes(3));
        assertEquals("CompletedWithErrors", status.get("RequestStatus").asText(), status.toString());
        String resultUrl = status.get("ResultFileUrl").asText();
        byte[] fromFirst = download(on(NODES.get(0), resultUrl));
        byte[] fromSecond = download(on(NODES.get(1), resultUrl));
        assertTrue(fromFirst.length > 0);
        assertArrayEquals(fromFirst, fromSecond, "the result file is the same bytes from either node");
        // the status is the same whichever node answers
        for (String node : NODES) {
            Reply polled = postJson(node, "/Bulk/v13/BulkUploadStatus/Query", BulkApi.json("RequestId", requestId), tenant.headers());
            assertEquals("CompletedWithErrors", polled.json().get("RequestStatus").asText(), node + ": " + polled.body());
        }
    }

    @Test
    void bothNodesImportWhenFourAccountsUploadAtOnce() throws Exception {
        long[] before = {importedRows(0), importedRows(1)};
        Path file = work.resolve("four.csv");
        VendorClients.run(List.of(ImportFlowIT.SHARED.resolve("tools/gen-customers").toString(), "--rows", "20000", "--out", file.toString()), null, 60);
        List<Tenant> tenants = Stream.generate(BulkApi::newTenant).limit(4).toList();
        List<CompletableFuture<JsonNode>> imports = new ArrayList<>();
        for (Tenant tenant : tenants) {
            imports.add(CompletableFuture.supplyAsync(() -> {
                Reply opened = BulkApi.getBulkUploadUrl(tenant, BulkApi.json("ResponseMode", "ErrorsOnly", "AccountId", tenant.accountId()));
                String requestId = opened.json().get("RequestId").asText();
                Reply uploaded = BulkApi.upload(tenant, opened.json().get("UploadUrl").asText(), file);
                assertEquals(200, uploaded.status(), uploaded.body());
                return BulkApi.awaitFinalStatus(tenant, requestId, Duration.ofMinutes(5));
            }));
        }
        for (CompletableFuture<JsonNode> done : imports) {
            JsonNode status = done.get();
            assertEquals("Completed", status.get("RequestStatus").asText(), status.toString());
            assertEquals(20000, status.get("RowsProcessed").asInt(), status.toString());
        }
        long first = importedRows(0) - before[0];
        long second = importedRows(1) - before[1];
        assertEquals(80000, first + second, "every row once, on one node or the other");
        assertTrue(first > 0 && second > 0, "both nodes imported: " + first + " and " + second + " rows");
    }

    @Test
    void aClientRevokedOnOneNodeIsRefusedByTheOtherWithinTheAuthenticationCachesFiveSeconds() throws InterruptedException {
        Tenant tenant = BulkApi.newTenant();
        List<String> headers = tenant.headers();
        String status = BulkApi.json("RequestId", "0000000000000000dead");
        // the other node has the token in its cache: it answers the call (3200, no such request) before the revoke
        assertEquals(3200, postJson(NODES.get(1), "/Bulk/v13/BulkUploadStatus/Query", status, headers).errorCode());
        Reply revoked = BulkApi.send(HttpRequest.newBuilder(URI.create(NODES.get(0) + "/admin/v1/clients/" + tenant.clientId() + "/revoke"))
                .header("X-Admin-Key", BulkApi.ADMIN_KEY).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, revoked.status(), revoked.body());
        // BULK_AUTH_CACHE_SECONDS (5) is the bound; a generous wait on a busy machine, the bound is printed on failure
        await("node 2 refuses the revoked client's token (BULK_AUTH_CACHE_SECONDS is 5)", Duration.ofSeconds(15),
                () -> postJson(NODES.get(1), "/Bulk/v13/BulkUploadStatus/Query", status, headers).errorCode() == 105);
        assertEquals(105, postJson(NODES.get(0), "/Bulk/v13/BulkUploadStatus/Query", status, headers).errorCode());
    }

    /** The account's uploads streaming now on any node, as the shared table counts them. */
    private static int streaming(long accountId) {
        try {
            String count = VendorClients.run(List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-Atq", "-c",
                    "SELECT count(*) FROM " + SCHEMA + ".upload_in_flight WHERE account_id = " + accountId), null, 30);
            return Integer.parseInt(count.trim());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAccountsUploadsInFlightAreCountedOnceForBothNodes() throws Exception {
        // BULK_MAX_UPLOADS_PER_ACCOUNT is 2 in these tests (e2e/pom.xml): one upload streams on each node
        Tenant tenant = BulkApi.newTenant();
        List<java.net.Socket> inFlight = new ArrayList<>();
        Thread feeder = new Thread(() -> SlowClientsIT.feed(inFlight));
        try {
            for (String node : NODES) {
                Reply url = BulkApi.getBulkUploadUrl(tenant, BulkApi.json("AccountId", tenant.accountId()));
                inFlight.add(SlowClientsIT.startRequest(URI.create(node), "POST", SlowClientsIT.path(url.json().get("UploadUrl").asText()),
                        SlowClientsIT.uploadHeaders(tenant), 10_000_000, SlowClientsIT.filePartHead()));
            }
            feeder.start(); // both keep above the minimum rate, so they stay in flight
            await("both uploads are counted for the account", Duration.ofSeconds(30), () -> streaming(tenant.accountId()) == 2);
            Path file = ImportFlowIT.DATA.resolve("customers-10.csv");
            for (String node : NODES) {
                Reply third = BulkApi.getBulkUploadUrl(tenant, BulkApi.json("AccountId", tenant.accountId()));
                Reply refused = BulkApi.upload(tenant, on(node, third.json().get("UploadUrl").asText()), file);
                JsonApiIT.assertError(refused, 429, 117);
            }
        } finally {
            feeder.interrupt();
            for (java.net.Socket socket : inFlight) {
                socket.close();
            }
        }
        // the aborted uploads end and stop counting: the next one is let in, on either node
        await("the aborted uploads stop counting", Duration.ofSeconds(60), () -> streaming(tenant.accountId()) == 0);
        Reply url = BulkApi.getBulkUploadUrl(tenant, BulkApi.json("AccountId", tenant.accountId()));
        Reply accepted = BulkApi.upload(tenant, on(NODES.get(1), url.json().get("UploadUrl").asText()), ImportFlowIT.DATA.resolve("customers-10.csv"));
        assertEquals(200, accepted.status(), accepted.body());
    }

    @Test
    void microsoftsSoapSdkRunsUnchangedThroughTheBalancer() throws Exception {
        String output = BingSdkIT.soapSdkChecks(work);
        assertTrue(output.contains("\n13 passed, 0 failed"), output);
    }

    @Test
    void marketorestpythonRunsUnchangedThroughTheBalancer() throws Exception {
        String output = MarketoApiIT.marketorestpythonChecks(work);
        assertTrue(output.contains("\n21 passed, 0 failed"), output);
    }
}
