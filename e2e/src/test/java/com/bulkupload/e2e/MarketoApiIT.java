package com.bulkupload.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.e2e.BulkApi.Reply;
import com.bulkupload.e2e.BulkApi.Tenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Marketo's bulk lead import (CONTRACT §9) as Marketo's users call it: the unmodified
 * marketorestpython library and npm node-marketo-rest with only the host moved, curl as Marketo's
 * documentation writes it, and the refusals in Marketo's envelope.
 */
@ServerTest
@RunAsClient
class MarketoApiIT {

    /** The e2e server's cap of queued or running uploads per account (BULK_MAX_ACTIVE_UPLOADS; 10 by default). */
    private static final int ACTIVE_UPLOAD_CAP = 3;
    /** The e2e server's size limit (BULK_MAX_FILE_BYTES). */
    private static final long MAX_FILE_BYTES = 20_000_000;

    @TempDir
    Path work;

    @Test
    void marketorestpythonImportsPollsReadsFailuresAndWarningsAndRenewsItsTokenUnchanged() throws Exception {
        String output = marketorestpythonChecks(work);
        assertTrue(output.contains("\n21 passed, 0 failed"), output);
    }

    /** marketorestpython's checks (marketo_client.py) for a new tenant, through BulkApi.BASE: a server, or ClusterIT's balancer. */
    static String marketorestpythonChecks(Path work) throws Exception {
        Tenant tenant = BulkApi.newTenant();
        Tenant other = BulkApi.newTenant();
        Path big = work.resolve("big.csv");
        Path expect = work.resolve("big.json");
        VendorClients.run(List.of(ImportFlowIT.SHARED.resolve("tools/gen-customers").toString(), "--rows", "100000",
                "--bad-rate", "0.01", "--dup-rate", "0.05", "--out", big.toString(), "--expect", expect.toString()), null, 120);
        return VendorClients.run(List.of("/usr/bin/python3",
                VendorClients.SCRIPTS.resolve("python/marketo_client.py").toString(), BulkApi.BASE, tenant.clientId(),
                tenant.clientSecret(), tenant.developerToken(), Long.toString(tenant.customerId()), Long.toString(tenant.accountId()),
                ImportFlowIT.DATA.toAbsolutePath().toString(), work.toString(), Long.toString(other.defaultListId()),
                big.toString(), expect.toString()), VendorClients.unpacked("marketorestpython-0.5.25.tgz", "marketorestpython"), 600);
    }

    @Test
    void nodeMarketoRestAuthenticatesAndReadsABatchThroughItsOwnRequestMethod() throws Exception {
        Tenant tenant = BulkApi.newTenant();
        long batchId = importAndWait(tenant, ImportFlowIT.DATA.resolve("customers-10.csv"), "format", "csv");
        String output = VendorClients.run(List.of("node", VendorClients.SCRIPTS.resolve("node/marketo_node_client.js").toString(),
                BulkApi.BASE, tenant.clientId(), tenant.clientSecret(), Long.toString(batchId)), null, 120);
        assertTrue(output.contains("token=ok status=Complete processed=10 failed=0 unknown=610"), output);
    }

    @Test
    void curlAsMarketosDocumentationWritesItImportsAFileWithTheTokenInAFormField() throws Exception {
        Tenant tenant = BulkApi.newTenant();
        // README, "Marketo-compatible import": the token from a GET, then the file, format and token as form fields
        String tokenJson = VendorClients.run(List.of("curl", "-s", BulkApi.BASE + "/identity/oauth/token?grant_type=client_credentials&client_id="
                + tenant.clientId() + "&client_secret=" + tenant.clientSecret()), null, 30);
        String token = BulkApi.JSON.readTree(tokenJson.trim()).path("access_token").asText();
        String answer = VendorClients.run(List.of("curl", "-s", "-F", "format=csv", "-F", "file=@"
                + ImportFlowIT.DATA.resolve("messy.csv").toAbsolutePath(), "-F", "access_token=" + token,
                BulkApi.BASE + "/bulk/v1/leads.json"), null, 60);
        JsonNode batch = BulkApi.JSON.readTree(answer.trim()).path("result").path(0);
        assertEquals("Queued", batch.path("status").asText(), answer);
        JsonNode status = awaitComplete(tenant, batch.path("batchId").asLong());
        assertEquals(11, status.path("numOfLeadsProcessed").asLong(), status.toString());
        assertEquals(5, status.path("numOfRowsFailed").asLong(), status.toString());
    }

    @Test
    void aMarketoBatchShowsInTheAccountsListingAndThroughBingByItsRequestId() throws Exception {
        Tenant tenant = BulkApi.newTenant();
        long batchId = importAndWait(tenant, ImportFlowIT.DATA.resolve("customers-10.tsv"), "format", "tsv");
        JsonNode upload = BulkApi.send(BulkApi.withHeaders(HttpRequest.newBuilder(URI.create(BulkApi.BASE + "/api/v1/uploads")).GET(),
                tenant.headers())).json().path("Uploads").path(0);
        assertEquals("Marketo", upload.path("Protocol").asText(), upload.toString());
        assertEquals("Completed", upload.path("RequestStatus").asText(), upload.toString());
        JsonNode bing = BulkApi.getBulkUploadStatus(tenant, upload.path("RequestId").asText()).json();
        assertEquals("Completed", bing.path("RequestStatus").asText(), bing.toString());
        assertEquals(10, bing.path("RowsProcessed").asLong(), bing.toString());
        assertTrue(batchId > 0);
    }

    @Test
    void importsPastTheAccountsCapAnswer1016AndAFileOverTheLimitAnswers413() throws Exception {
        Tenant tenant = BulkApi.newTenant();
        // imports of the cap's size, each of seconds (90,000 rows: the e2e server takes 100,000 at most): while the first runs the others queue
        // (an account's imports run one after the other), and one more is refused
        Path slow = work.resolve("slow.csv");
        VendorClients.run(List.of(ImportFlowIT.SHARED.resolve("tools/gen-customers").toString(), "--rows", "90000",
                "--out", slow.toString()), null, 120);
        for (int i = 0; i < ACTIVE_UPLOAD_CAP; i++) {
            Reply queued = importLeads(tenant, slow, "format", "csv");
            assertTrue(queued.json().path("success").asBoolean(), queued.body());
        }
        Reply refused = importLeads(tenant, ImportFlowIT.DATA.resolve("customers-10.csv"), "format", "csv");
        assertMarketoError(refused, 200, "1016");

        Tenant fresh = BulkApi.newTenant();
        Path large = work.resolve("large.csv");
        try (OutputStream out = Files.newOutputStream(large)) {
            out.write("Email,FirstName\n".getBytes(StandardCharsets.US_ASCII));
            byte[] row = "someone@example.com,Someone\n".getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written <= MAX_FILE_BYTES; written += row.length) {
                out.write(row);
            }
        }
        assertMarketoError(importLeads(fresh, large, "format", "csv"), 413, "1003");
    }

    @Test
    void refusalsComeInMarketosEnvelopeAndAnotherAccountsBatchAnswersAsAnUnknownOne() throws Exception {
        Tenant owner = BulkApi.newTenant();
        Tenant stranger = BulkApi.newTenant();
        long batchId = importAndWait(owner, ImportFlowIT.DATA.resolve("customers-10.csv"), "format", "csv");

        assertMarketoError(BulkApi.get("/bulk/v1/leads/batch/" + batchId + ".json"), 200, "600");
        assertMarketoError(BulkApi.get("/bulk/v1/leads/batch/" + batchId + ".json?access_token=no-such-token"), 200, "601");
        Reply theirs = status(stranger, batchId);
        Reply unknown = status(stranger, 999_999_999L);
        assertMarketoError(theirs, 200, "610");
        // byte for byte but for the requestId and the batch number the message quotes
        assertEquals(unknown.body().replace(unknown.json().path("requestId").asText(), "")
                        .replace("batch 999999999.", "batch N."),
                theirs.body().replace(theirs.json().path("requestId").asText(), "").replace("batch " + batchId + ".", "batch N."),
                "another account's batch answers exactly as an unknown one");
        assertMarketoError(BulkApi.get("/bulk/v1/leads/batch/" + batchId + "/failures.json?access_token=" + stranger.accessToken()), 200, "610");

        assertMarketoError(BulkApi.postJson("/bulk/v1/leads.json?access_token=" + owner.accessToken(), "{}", List.of()), 200, "612");
        assertMarketoError(importLeads(owner, ImportFlowIT.DATA.resolve("customers-10.csv"), "format", "xml"), 200, "1003");
        assertMarketoError(importLeads(owner, ImportFlowIT.DATA.resolve("customers-10.csv"), "lookupField", "colour"), 200, "1003");
        assertMarketoError(importLeads(owner, ImportFlowIT.DATA.resolve("customers-10.csv"), "listId", "twelve"), 200, "1003");

        Reply badCredentials = BulkApi.send(HttpRequest.newBuilder(URI.create(BulkApi.BASE
                + "/identity/oauth/token?grant_type=client_credentials&client_id=" + owner.clientId() + "&client_secret=wrong")).GET());
        assertEquals(401, badCredentials.status());
        assertEquals("unauthorized", badCredentials.json().path("error").asText(), badCredentials.body());
        assertTrue(!badCredentials.json().path("error_description").asText().isEmpty(), badCredentials.body());
        Reply byPostQuery = BulkApi.send(HttpRequest.newBuilder(URI.create(BulkApi.BASE
                        + "/identity/oauth/token?grant_type=client_credentials&client_id=" + owner.clientId() + "&client_secret="
                        + owner.clientSecret())).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, byPostQuery.status(), byPostQuery.body());
        assertEquals("bearer", byPostQuery.json().path("token_type").asText());
    }

    // ---------------------------------------------------------------- helpers

    static Reply importLeads(Tenant tenant, Path file, String... query) {
        StringBuilder url = new StringBuilder(BulkApi.BASE + "/bulk/v1/leads.json?access_token=" + tenant.accessToken());
        for (int i = 0; i < query.length; i += 2) {
            url.append('&').append(query[i]).append('=').append(query[i + 1]);
        }
        return BulkApi.multipart(url.toString(), List.of(), file, file.getFileName().toString(), "text/plain");
    }

    static Reply status(Tenant tenant, long batchId) {
        return BulkApi.send(BulkApi.withHeaders(HttpRequest.newBuilder(URI.create(BulkApi.BASE + "/bulk/v1/leads/batch/" + batchId + ".json")).GET(),
                List.of("Authorization", "Bearer " + tenant.accessToken())));
    }

    static long importAndWait(Tenant tenant, Path file, String... query) {
        Reply reply = importLeads(tenant, file, query);
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.json().path("success").asBoolean(), reply.body());
        long batchId = reply.json().path("result").path(0).path("batchId").asLong();
        awaitComplete(tenant, batchId);
        return batchId;
    }

    static JsonNode awaitComplete(Tenant tenant, long batchId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonNode batch = status(tenant, batchId).json().path("result").path(0);
            if (batch.path("status").asText().equals("Complete") || System.nanoTime() > deadline) {
                assertEquals("Complete", batch.path("status").asText(), batch.toString());
                return batch;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static void assertMarketoError(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.json() != null && !reply.json().path("success").asBoolean(true), reply.body());
        assertEquals(code, reply.json().path("errors").path(0).path("code").asText(), reply.body());
        assertTrue(!reply.json().path("requestId").asText().isEmpty(), reply.body());
    }
}
