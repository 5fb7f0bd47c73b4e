package com.bulkupload.e2e;

import static com.bulkupload.e2e.BulkApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.e2e.BulkApi.Reply;
import com.bulkupload.e2e.BulkApi.Tenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/** The JSON API, its authentication and its errors (CONTRACT sections 2, 3, 4). */
@ServerTest
@RunAsClient
class JsonApiIT {

    private static final String URL = "/Bulk/v13/BulkUploadUrl/Query";
    private static final String STATUS = "/Bulk/v13/BulkUploadStatus/Query";

    @Test
    void healthIsUpWithDatabaseAndQueueAndSaysHowMuchTheFileStoreHasFree() {
        Reply health = BulkApi.get("/health");
        assertEquals(200, health.status());
        assertEquals("UP", health.json().get("Status").asText());
        assertEquals("UP", health.json().get("Database").asText());
        assertEquals("UP", health.json().get("Queue").asText());
        assertEquals("OK", health.json().get("Storage").asText(), health.body());
        assertTrue(health.json().get("StorageFreeBytes").asLong() > 128L * 1024 * 1024, health.body());
    }

    @Test
    void tokenResponseHasTheOAuthShape() {
        Tenant tenant = BulkApi.newTenant();
        Reply token = BulkApi.token(tenant.clientId(), tenant.clientSecret());
        assertEquals(200, token.status());
        assertEquals("bearer", token.json().get("token_type").asText());
        assertEquals(30, token.json().get("expires_in").asInt(), "BULK_TOKEN_TTL_SECONDS of the e2e server");
        assertEquals("bulk", token.json().get("scope").asText());
        assertTrue(token.json().get("access_token").asText().length() >= 40);
    }

    @Test
    void bootstrapClientFixedByEnvironmentCanCallTheApi() {
        Reply token = BulkApi.token("e2e-bootstrap-client", "e2e-bootstrap-secret");
        assertEquals(200, token.status(), token.body());
    }

    @Test
    void getBulkUploadUrlThenStatusIsPending() {
        Tenant tenant = BulkApi.newTenant();
        Reply url = BulkApi.getBulkUploadUrl(tenant, json("ResponseMode", "ErrorsAndResults", "AccountId", tenant.accountId()));
        assertEquals(200, url.status(), url.body());
        List<String> names = new ArrayList<>();
        url.json().fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("RequestId", "UploadUrl"), names);
        String requestId = url.json().get("RequestId").asText();
        assertEquals(BulkApi.BASE + "/files/uploads/" + requestId, url.json().get("UploadUrl").asText());

        Reply status = BulkApi.getBulkUploadStatus(tenant, requestId);
        assertEquals(200, status.status(), status.body());
        names.clear();
        status.json().fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("Errors", "ForwardCompatibilityMap", "PercentComplete", "RequestStatus", "ResultFileUrl",
                "RowsProcessed", "RowsFailed", "RowsWithWarning"), names);
        assertEquals("PendingFileUpload", status.json().get("RequestStatus").asText());
        assertEquals(0, status.json().get("PercentComplete").asInt());
        assertTrue(status.json().get("ResultFileUrl").isNull());
        // as Microsoft's REST API: null (not []) when there are none, {"Key","Value"} entries, integers as integers
        assertTrue(status.json().get("Errors").isNull(), status.body());
        assertTrue(status.json().get("PercentComplete").isInt(), status.body());
        assertEquals("[{\"Key\":\"RowsProcessed\",\"Value\":\"0\"},{\"Key\":\"RowsFailed\",\"Value\":\"0\"},"
                + "{\"Key\":\"RowsWithWarning\",\"Value\":\"0\"}]", status.json().get("ForwardCompatibilityMap").toString());
    }

    @Test
    void accountIdIsTakenAsAJsonNumberOrString() {
        Tenant tenant = BulkApi.newTenant();
        Reply asString = BulkApi.getBulkUploadUrl(tenant, "{\"ResponseMode\":\"ErrorsOnly\",\"AccountId\":\"" + tenant.accountId() + "\"}");
        assertEquals(200, asString.status(), asString.body());
        assertEquals(200, BulkApi.getBulkUploadUrl(tenant, "{\"AccountId\":" + tenant.accountId() + "}").status());
        assertError(BulkApi.getBulkUploadUrl(tenant, "{\"AccountId\":\"twelve\"}"), 400, 100);
    }

    @Test
    void sameClientRequestTokenReturnsTheSameRequest() {
        Tenant tenant = BulkApi.newTenant();
        String body = json("AccountId", tenant.accountId(), "ClientRequestToken", "import-2026-11-23");
        String first = BulkApi.getBulkUploadUrl(tenant, body).json().get("RequestId").asText();
        String second = BulkApi.getBulkUploadUrl(tenant, body).json().get("RequestId").asText();
        String other = BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId())).json().get("RequestId").asText();
        assertEquals(first, second);
        assertNotEquals(first, other);
    }

    @Test
    void optionsAreChecked() {
        Tenant tenant = BulkApi.newTenant();
        Tenant other = BulkApi.newTenant();
        assertError(BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId(), "ResponseMode", "Everything")), 400, 3203);
        assertError(BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId(), "CustomerListId", other.defaultListId())), 400, 3204);
        assertError(BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId(), "CustomerListId", 987654321L)), 400, 3204);
        assertError(BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId(), "LookupField", "Fax")), 400, 3205);
        assertError(BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId(), "PartitionName", " ")), 400, 3206);
        assertError(BulkApi.getBulkUploadUrl(tenant, json("AccountId", other.accountId())), 403, 106);
        assertError(BulkApi.getBulkUploadUrl(tenant, "{}"), 400, 100);
        Reply lowerCase = BulkApi.getBulkUploadUrl(tenant, "{\"accountid\":" + tenant.accountId() + ",\"lookupfield\":\"phone\"}");
        assertEquals(200, lowerCase.status(), lowerCase.body());
    }

    @Test
    void authenticationFailuresHaveTheirCodes() {
        Tenant tenant = BulkApi.newTenant();
        Tenant other = BulkApi.newTenant();
        String body = json("AccountId", tenant.accountId());
        List<String> ok = tenant.headers();

        assertError(BulkApi.postJson(URL, body, List.of("DeveloperToken", tenant.developerToken(),
                "CustomerId", "" + tenant.customerId(), "CustomerAccountId", "" + tenant.accountId())), 401, 105);
        assertError(BulkApi.postJson(URL, body, with(ok, "Authorization", "Bearer not-a-token")), 401, 105);
        assertError(BulkApi.postJson(URL, body, with(ok, "Authorization", "Basic " + tenant.accessToken())), 401, 105);
        assertError(BulkApi.postJson(URL, body, with(ok, "DeveloperToken", other.developerToken())), 401, 107);
        assertError(BulkApi.postJson(URL, body, with(ok, "DeveloperToken", "")), 401, 107);
        assertError(BulkApi.postJson(URL, body, with(ok, "CustomerId", "" + other.customerId())), 403, 106);
        assertError(BulkApi.postJson(URL, body, with(ok, "CustomerId", "abc")), 403, 106);
        assertError(BulkApi.postJson(URL, body, with(ok, "CustomerAccountId", "" + other.accountId())), 403, 106);
        assertError(BulkApi.postJson(STATUS, json("RequestId", "x"), with(ok, "Authorization", "Bearer " + other.accessToken())), 401, 107);

        assertError(BulkApi.token(tenant.clientId(), "wrong-secret"), 401, 105);
        assertError(BulkApi.token("no-such-client", "whatever"), 401, 105);
        assertError(BulkApi.form("/identity/oauth/token", "grant_type", "password", "client_id", tenant.clientId()), 400, 100);
    }

    @Test
    void repeatedFailedTokenRequestsAreThrottled() {
        Tenant tenant = BulkApi.newTenant();
        for (int i = 0; i < 10; i++) {
            assertError(BulkApi.token(tenant.clientId(), "guess-" + i), 401, 105);
        }
        // the eleventh try within the minute is refused before its secret is checked, even the right one
        assertError(BulkApi.token(tenant.clientId(), "guess-10"), 429, 117);
        assertError(BulkApi.token(tenant.clientId(), tenant.clientSecret()), 429, 117);
    }

    @Test
    void revokedClientIsRefused() {
        Tenant tenant = BulkApi.newTenant();
        Reply revoke = BulkApi.postJson("/admin/v1/clients/" + tenant.clientId() + "/revoke", null, List.of("X-Admin-Key", BulkApi.ADMIN_KEY));
        assertEquals(204, revoke.status(), revoke.body());
        assertError(BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId())), 401, 105);
        assertError(BulkApi.token(tenant.clientId(), tenant.clientSecret()), 401, 105);
    }

    @Test
    void anotherTenantsRequestIdAnswersLikeAnUnknownOne() {
        Tenant owner = BulkApi.newTenant();
        Tenant intruder = BulkApi.newTenant();
        String requestId = BulkApi.getBulkUploadUrl(owner, json("AccountId", owner.accountId())).json().get("RequestId").asText();

        Reply foreign = BulkApi.getBulkUploadStatus(intruder, requestId);
        Reply unknown = BulkApi.getBulkUploadStatus(intruder, "0000000000000000dead");
        // 400, not 404 (CONTRACT §4, Dec 2026): Microsoft's REST SDK parses faults on 400/401/403/500 only
        assertError(foreign, 400, 3200);
        assertError(unknown, 400, 3200);
        assertEquals(withoutTrackingId(unknown), withoutTrackingId(foreign));
        assertEquals(200, BulkApi.getBulkUploadStatus(owner, requestId).status());
    }

    @Test
    void malformedBodiesAreNullRequests() {
        Tenant tenant = BulkApi.newTenant();
        assertError(BulkApi.getBulkUploadUrl(tenant, "{\"AccountId\":"), 400, 100);
        assertError(BulkApi.getBulkUploadUrl(tenant, "{\"AccountId\":\"twelve\"}"), 400, 100);
        assertError(BulkApi.getBulkUploadUrl(tenant, "{\"AccountId\":1.5}"), 400, 100);
        assertError(BulkApi.getBulkUploadUrl(tenant, "[1,2,3]"), 400, 100);
        assertError(BulkApi.getBulkUploadUrl(tenant, null), 400, 100);
        assertError(BulkApi.getBulkUploadStatus(tenant, null), 400, 100);
        Reply notJson = BulkApi.postJson(URL, "<xml/>", tenant.headers());
        assertError(notJson, 400, 100);
        assertTrue(!notJson.body().contains("Exception") && !notJson.body().contains("\tat "), notJson.body());
    }

    @Test
    void everyResponseCarriesItsTrackingId() {
        Tenant tenant = BulkApi.newTenant();
        Reply ok = BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId()));
        Reply error = BulkApi.getBulkUploadStatus(tenant, "unknown");
        assertNotNull(ok.trackingId());
        assertNotNull(error.trackingId());
        assertNotEquals(ok.trackingId(), error.trackingId());
        assertEquals(error.trackingId(), error.json().get("TrackingId").asText());
        assertEquals("ApiFaultDetail", error.json().get("Type").asText());
    }

    @Test
    void adminApiNeedsTheAdminKey() {
        assertError(BulkApi.postJson("/admin/v1/customers", json("Name", "x"), List.of()), 401, 105);
        assertError(BulkApi.postJson("/admin/v1/customers", json("Name", "x"), List.of("X-Admin-Key", "guess")), 401, 105);
        assertError(BulkApi.postJson("/admin/v1/customers/987654321/accounts", json("Name", "x"),
                List.of("X-Admin-Key", BulkApi.ADMIN_KEY)), 404, 3230);
    }

    @Test
    void pendingRequestExpiresAfterTheUploadWindow() throws InterruptedException {
        // The e2e server runs with BULK_UPLOAD_WINDOW_SECONDS=4 (15 minutes in production).
        Tenant tenant = BulkApi.newTenant();
        String requestId = BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId())).json().get("RequestId").asText();
        assertEquals("PendingFileUpload", BulkApi.getBulkUploadStatus(tenant, requestId).json().get("RequestStatus").asText());
        Thread.sleep(5_000);
        JsonNode status = BulkApi.getBulkUploadStatus(tenant, requestId).json();
        assertEquals("Failed", status.get("RequestStatus").asText());
        assertEquals(0, status.get("PercentComplete").asInt());
        assertEquals(3201, status.get("Errors").get(0).get("Code").asInt());
        assertEquals("UploadWindowExpired", status.get("Errors").get(0).get("ErrorCode").asText());
        assertNull(status.get("ResultFileUrl").textValue());
    }

    static void assertError(Reply reply, int httpStatus, int code) {
        assertEquals(httpStatus, reply.status(), reply.body());
        assertNotNull(reply.json(), reply.body());
        assertEquals(code, reply.errorCode(), reply.body());
        assertEquals(reply.trackingId(), reply.json().get("TrackingId").asText());
    }

    private static List<String> with(List<String> headers, String name, String value) {
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < headers.size(); i += 2) {
            if (!headers.get(i).equals(name)) {
                changed.add(headers.get(i));
                changed.add(headers.get(i + 1));
            }
        }
        changed.add(name);
        changed.add(value);
        return changed;
    }

    private static String withoutTrackingId(Reply reply) {
        return reply.body().replace(reply.trackingId(), "");
    }
}
