package com.bulkupload.e2e;

import static com.bulkupload.e2e.BulkApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.e2e.BulkApi.Reply;
import com.bulkupload.e2e.BulkApi.Tenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * The tenancy matrix: every endpoint that takes credentials (JSON and SOAP GetBulkUploadUrl and
 * GetBulkUploadStatus, the upload URL, the read API), the result download and the admin API,
 * driven by tenant B with its own valid credentials against tenant A's requests, files and lists.
 * B must get exactly the answer it gets for something that does not exist (so it cannot even
 * learn that A's things exist), and A's data must be unchanged afterwards. Then every endpoint
 * with credentials that must not work: expired token (109), wrong or another client's developer token,
 * another tenant's account or customer, a revoked client.
 */
@ServerTest
@RunAsClient
class TenancyIT {

    private static final String SOAP = "/Bulk/v13/BulkService.svc";
    private static final String NS = BulkApi.SOAP_NS;
    private static final Path DATA = ImportFlowIT.DATA;
    private static final String NO_SUCH_REQUEST = "0000000000000000000000000000dead";
    private static final long NO_SUCH_LIST = 987_654_321L;

    /** The four credentials every authenticated call carries. */
    record Credentials(String token, String developerToken, long customerId, long accountId) {

        static Credentials of(Tenant tenant) {
            return new Credentials(tenant.accessToken(), tenant.developerToken(), tenant.customerId(), tenant.accountId());
        }

        List<String> headers() {
            return BulkApi.apiHeaders(token, developerToken, customerId, accountId);
        }

        String envelope(String body) {
            return BulkApi.soapEnvelope(token, developerToken, customerId, accountId, "", body);
        }
    }

    /** One authenticated endpoint, called with some credentials about some target (a RequestId or a list). */
    record Endpoint(String name, Call call) {
    }

    interface Call {
        Reply with(Credentials credentials, String requestId, long listId);
    }

    static List<Endpoint> endpoints(Path file) {
        return List.of(
                new Endpoint("JSON GetBulkUploadStatus", (c, id, list) ->
                        BulkApi.postJson("/Bulk/v13/BulkUploadStatus/Query", json("RequestId", id), c.headers())),
                new Endpoint("JSON GetBulkUploadUrl", (c, id, list) ->
                        BulkApi.postJson("/Bulk/v13/BulkUploadUrl/Query", json("AccountId", c.accountId(), "CustomerListId", list), c.headers())),
                new Endpoint("SOAP GetBulkUploadStatus", (c, id, list) -> BulkApi.postXml(SOAP, c.envelope(
                        "<GetBulkUploadStatusRequest xmlns=\"" + NS + "\"><RequestId>" + id + "</RequestId></GetBulkUploadStatusRequest>"),
                        "GetBulkUploadStatus")),
                new Endpoint("SOAP GetBulkUploadUrl", (c, id, list) -> BulkApi.postXml(SOAP, c.envelope(
                        "<GetBulkUploadUrlRequest xmlns=\"" + NS + "\"><ResponseMode>ErrorsOnly</ResponseMode><AccountId>" + c.accountId()
                                + "</AccountId><CustomerListId>" + list + "</CustomerListId></GetBulkUploadUrlRequest>"), "GetBulkUploadUrl")),
                new Endpoint("upload", (c, id, list) -> upload(c, id, file)),
                new Endpoint("read API", (c, id, list) -> BulkApi.send(BulkApi.withHeaders(HttpRequest.newBuilder(
                        URI.create(BulkApi.BASE + "/api/v1/lists/" + list + "/customers")).GET(), c.headers()))));
    }

    @Test
    void anotherTenantCannotReadChangeOrLearnOfRequestsFilesAndLists() throws Exception {
        Tenant a = BulkApi.newTenant();
        Tenant b = BulkApi.newTenant();
        Path file = DATA.resolve("customers-10.csv");
        // A: a finished import into its default list, a request still waiting for its file, and a second list
        String done = importFile(a, file);
        String pending = BulkApi.getBulkUploadUrl(a, json("AccountId", a.accountId(), "ClientRequestToken", "nightly-1"))
                .json().get("RequestId").asText();
        long secondList = BulkApi.admin("/admin/v1/accounts/" + a.accountId() + "/lists", "second").json().get("CustomerListId").asLong();
        List<JsonNode> before = BulkApi.listCustomers(a, a.defaultListId());
        assertEquals(10, before.size());

        Credentials intruder = Credentials.of(b);
        List<String> report = new ArrayList<>();
        for (Endpoint endpoint : endpoints(file)) {
            for (String requestId : List.of(done, pending)) {
                for (long list : List.of(a.defaultListId(), secondList)) {
                    Reply theirs = endpoint.call().with(intruder, requestId, list);
                    Reply nothing = endpoint.call().with(intruder, NO_SUCH_REQUEST, NO_SUCH_LIST);
                    String seen = endpoint.name() + " on " + requestId + "/" + list + " -> " + theirs.status();
                    report.add(seen);
                    assertTrue(theirs.status() >= 400, seen + ": " + theirs.body());
                    assertEquals(anonymous(nothing, NO_SUCH_REQUEST, NO_SUCH_LIST), anonymous(theirs, requestId, list),
                            seen + ": the answer must be the one for something that does not exist");
                }
            }
        }
        assertEquals(24, report.size());

        // B's idempotency token is B's own: the same ClientRequestToken gives B a request of its own
        String bRequest = BulkApi.getBulkUploadUrl(b, json("AccountId", b.accountId(), "ClientRequestToken", "nightly-1"))
                .json().get("RequestId").asText();
        assertNotEquals(pending, bRequest);

        // result files: B's signed URL does not open A's result, nor does a URL B makes up
        String bDone = importFile(b, file);
        String bUrl = BulkApi.getBulkUploadStatus(b, bDone).json().get("ResultFileUrl").asText();
        assertEquals(200, BulkApi.getAbsolute(bUrl).status());
        Reply swapped = BulkApi.getAbsolute(bUrl.replace(bDone, done));
        Reply unknown = BulkApi.getAbsolute(bUrl.replace(bDone, NO_SUCH_REQUEST));
        JsonApiIT.assertError(swapped, 403, 3214);
        assertEquals(anonymous(unknown, NO_SUCH_REQUEST, -1), anonymous(swapped, done, -1));
        JsonApiIT.assertError(BulkApi.getAbsolute(BulkApi.BASE + "/files/results/" + done), 403, 3214);

        // the admin API answers to the operator's key only: no tenant credential opens it
        for (String key : List.of(b.clientSecret(), b.developerToken(), b.accessToken())) {
            Reply admin = BulkApi.postJson("/admin/v1/accounts/" + a.accountId() + "/lists", json("Name", "x"), List.of("X-Admin-Key", key));
            JsonApiIT.assertError(admin, 401, 105);
        }
        JsonApiIT.assertError(BulkApi.postJson("/admin/v1/customers/" + a.customerId() + "/clients", json("Name", "x"), b.headers()), 401, 105);

        // and A's things are as they were: its pending request still takes its file, its list is untouched
        assertEquals("PendingFileUpload", BulkApi.getBulkUploadStatus(a, pending).json().get("RequestStatus").asText());
        assertEquals(before, BulkApi.listCustomers(a, a.defaultListId()));
        assertEquals(0, BulkApi.listCustomers(a, secondList).size());
        assertEquals(10, BulkApi.listCustomers(b, b.defaultListId()).size());
        assertEquals(200, upload(Credentials.of(a), pending, file).status());
        assertEquals("Completed", BulkApi.awaitFinalStatus(a, pending, Duration.ofMinutes(2)).get("RequestStatus").asText());
    }

    @Test
    void credentialsThatMustNotWorkAreRefusedByEveryEndpoint() throws Exception {
        Tenant a = BulkApi.newTenant();
        Tenant b = BulkApi.newTenant();
        Path file = DATA.resolve("customers-10.csv");
        String expiring = BulkApi.token(a.clientId(), a.clientSecret()).json().get("access_token").asText();
        long issued = System.nanoTime();
        String requestId = BulkApi.getBulkUploadUrl(a, json("AccountId", a.accountId())).json().get("RequestId").asText();
        Credentials good = Credentials.of(a);

        record Case(String name, int code, Function<Credentials, Credentials> change) {
        }
        List<Case> cases = List.of(
                new Case("no token", 105, c -> new Credentials("", c.developerToken(), c.customerId(), c.accountId())),
                new Case("made-up token", 105, c -> new Credentials("x".repeat(43), c.developerToken(), c.customerId(), c.accountId())),
                new Case("wrong developer token", 107, c -> new Credentials(c.token(), "wrong", c.customerId(), c.accountId())),
                new Case("another client's developer token", 107, c -> new Credentials(c.token(), b.developerToken(), c.customerId(), c.accountId())),
                new Case("another tenant's token with A's developer token", 107,
                        c -> new Credentials(b.accessToken(), c.developerToken(), c.customerId(), c.accountId())),
                new Case("another tenant's account", 106, c -> new Credentials(c.token(), c.developerToken(), c.customerId(), b.accountId())),
                new Case("another tenant's customer", 106, c -> new Credentials(c.token(), c.developerToken(), b.customerId(), c.accountId())),
                new Case("B's own credentials claiming A's account", 106,
                        c -> new Credentials(b.accessToken(), b.developerToken(), b.customerId(), a.accountId())),
                new Case("B's own credentials claiming A's customer", 106,
                        c -> new Credentials(b.accessToken(), b.developerToken(), a.customerId(), b.accountId())));
        for (Case refused : cases) {
            assertRefusedEverywhere(refused.name(), refused.change().apply(good), requestId, a.defaultListId(), file, refused.code());
        }
        // none of that changed A's request
        assertEquals("PendingFileUpload", BulkApi.getBulkUploadStatus(a, requestId).json().get("RequestStatus").asText());

        // a token past its lifetime (30 s on the e2e server)
        Credentials expired = new Credentials(expiring, a.developerToken(), a.customerId(), a.accountId());
        assertEquals(200, BulkApi.postJson("/Bulk/v13/BulkUploadStatus/Query", json("RequestId", requestId), expired.headers()).status());
        Thread.sleep(Math.max(0, Duration.ofSeconds(31).toMillis() - (System.nanoTime() - issued) / 1_000_000));
        // 109 AuthenticationTokenExpired since Dec 2026 (CONTRACT §3): the official SDKs renew on it
        assertRefusedEverywhere("expired token", expired, requestId, a.defaultListId(), file, 109);

        // a revoked client: its current token and a new one are refused everywhere
        Credentials beforeRevocation = Credentials.of(a);
        assertEquals(204, BulkApi.postJson("/admin/v1/clients/" + a.clientId() + "/revoke", null, List.of("X-Admin-Key", BulkApi.ADMIN_KEY)).status());
        assertRefusedEverywhere("revoked client", beforeRevocation, requestId, a.defaultListId(), file, 105);
        JsonApiIT.assertError(BulkApi.token(a.clientId(), a.clientSecret()), 401, 105);
    }

    private static void assertRefusedEverywhere(String name, Credentials credentials, String requestId, long listId, Path file, int code) {
        for (Endpoint endpoint : endpoints(file)) {
            Reply reply = endpoint.call().with(credentials, requestId, listId);
            String seen = name + " at " + endpoint.name() + ": " + reply.status() + " " + reply.body();
            if (endpoint.name().startsWith("SOAP")) {
                assertEquals(500, reply.status(), seen);
                assertTrue(BulkApi.hasFaultCode(reply.body(), code), seen);
            } else {
                assertEquals(code == 106 ? 403 : 401, reply.status(), seen);
                assertEquals(code, reply.errorCode(), seen);
            }
        }
    }

    /** The reply with what differs by nature between two calls (TrackingId, the ids asked about, echoed) taken out. */
    private static String anonymous(Reply reply, String requestId, long listId) {
        String body = reply.body().replace(reply.trackingId() == null ? "\u0000" : reply.trackingId(), "<tracking>")
                .replace(requestId, "<id>")
                .replaceAll("\\b" + listId + "\\b", "<list>");
        return reply.status() + " " + body;
    }

    private static Reply upload(Credentials credentials, String requestId, Path file) {
        return BulkApi.multipart(BulkApi.BASE + "/files/uploads/" + requestId, credentials.headers(), file, "customers.csv", "text/csv");
    }

    private static String importFile(Tenant tenant, Path file) {
        String requestId = BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId())).json().get("RequestId").asText();
        assertEquals(200, upload(Credentials.of(tenant), requestId, file).status());
        assertEquals("Completed", BulkApi.awaitFinalStatus(tenant, requestId, Duration.ofMinutes(2)).get("RequestStatus").asText());
        return requestId;
    }
}
