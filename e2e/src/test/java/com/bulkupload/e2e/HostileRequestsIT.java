package com.bulkupload.e2e;

import static com.bulkupload.e2e.BulkApi.json;
import static com.bulkupload.e2e.JsonApiIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.e2e.BulkApi.Reply;
import com.bulkupload.e2e.BulkApi.Tenant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Requests built to hurt: every one is refused with the contract's code (or handled safely), no
 * stack trace comes back, and nothing outside the server's own files is read or written.
 */
@ServerTest
@RunAsClient
class HostileRequestsIT {

    private static final String STATUS = "/Bulk/v13/BulkUploadStatus/Query";
    private static final String URL = "/Bulk/v13/BulkUploadUrl/Query";

    @Test
    void hostileJsonBodiesAreNullRequests() {
        Tenant tenant = BulkApi.newTenant();
        String deep = "{\"RequestId\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        checked(BulkApi.postJson(STATUS, deep, tenant.headers()), 400, 100);
        String longNumber = "{\"AccountId\":" + "9".repeat(100_000) + "}";
        checked(BulkApi.postJson(URL, longNumber, tenant.headers()), 400, 100);
        String hugeString = "{\"RequestId\":\"" + "A".repeat(2_000_000) + "\"}";
        Reply huge = checked(BulkApi.postJson(STATUS, hugeString, tenant.headers()), 400, 100);
        assertTrue(huge.body().length() < 10_000, "the error does not echo the input");
        String padded = "{\"RequestId\":\"x\"" + " ".repeat(3_000_000) + "}";
        checked(BulkApi.postJson(STATUS, padded, tenant.headers()), 400, 100);
        checked(BulkApi.postJson(URL, "{\"AccountId\":1e999999}", tenant.headers()), 400, 100);
        // NUL characters, which PostgreSQL refuses to store or compare: refused before they get there
        checked(BulkApi.postJson(URL, "{\"AccountId\":" + tenant.accountId() + ",\"PartitionName\":\"a\\u0000b\"}", tenant.headers()), 400, 100);
        checked(BulkApi.send(BulkApi.withHeaders(HttpRequest.newBuilder(URI.create(BulkApi.BASE + "/api/v1/lists/"
                + tenant.defaultListId() + "/customers?email=a%00b")).GET(), tenant.headers())), 400, 100);
        checked(BulkApi.form("/identity/oauth/token", "grant_type", "client_credentials", "client_id", "a\u0000b", "client_secret", "s"), 401, 105);
    }

    @Test
    void namesThatLookLikePathsOrHeadersReachNoFileAndNoHeader() throws IOException {
        Tenant tenant = BulkApi.newTenant();
        Reply url = BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId(), "ResponseMode", "ErrorsAndResults"));
        String requestId = url.json().get("RequestId").asText();
        String marker = "bulk-hostile-" + UUID.randomUUID();
        Path file = Files.createTempFile("hostile", ".csv");
        Files.writeString(file, "Email,FirstName\r\na@x.com,Ann\r\n", StandardCharsets.UTF_8);
        String uploadUrl = url.json().get("UploadUrl").asText();
        // a line break in the file name: the part's headers are malformed (3215) or the name is cut
        // at the break; either way it stays a name, never a header
        Reply crlf = uploadNamed(tenant, BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId()))
                .json().get("UploadUrl").asText(), file, marker + ".csv\r\nX-Injected: yes", "text/csv");
        if (crlf.status() != 200) {
            checked(crlf, 400, 3215);
        }
        String evilName = "../../../../../../tmp/" + marker + ".csv";
        // part headers longer than the parser takes: a malformed body (3215), or a content type cut short
        Reply longType = uploadNamed(tenant, BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId()))
                .json().get("UploadUrl").asText(), file, "long.csv", "text/csv; x=" + "y".repeat(5_000));
        if (longType.status() != 200) {
            checked(longType, 400, 3215);
        }
        Reply upload = uploadNamed(tenant, uploadUrl, file, evilName, "text/csv");
        assertEquals(200, upload.status(), upload.body());
        assertFalse(Files.exists(Path.of("/tmp", marker + ".csv")), "nothing written where the name pointed");
        var status = BulkApi.awaitFinalStatus(tenant, requestId, Duration.ofSeconds(60));
        assertEquals("Completed", status.get("RequestStatus").asText(), status.toString());
        try {
            HttpResponse<String> download = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(status.get("ResultFileUrl").asText())).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, download.statusCode());
            assertTrue(download.headers().firstValue("X-Injected").isEmpty(), "no header from the file name");
            assertFalse(download.headers().firstValue("Content-Disposition").orElse("").contains(marker), "the name is not echoed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }

        // a charset name no charset has: refused, not stored
        Reply second = BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId()));
        checked(BulkApi.upload(tenant, second.json().get("UploadUrl").asText(), file, "charset", "X".repeat(150)), 415, 3211);
    }

    @Test
    void requestIdsThatLookLikePathsFindNothing() throws IOException {
        Tenant tenant = BulkApi.newTenant();
        Path file = Files.createTempFile("hostile", ".csv");
        Files.writeString(file, "Email\r\na@x.com\r\n", StandardCharsets.UTF_8);
        for (String id : new String[] {"..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e", "..", "a%00b"}) {
            Reply upload = BulkApi.upload(tenant, BulkApi.BASE + "/files/uploads/" + id, file);
            assertTrue(upload.status() == 404 || upload.status() == 400, id + ": " + upload.status() + " " + upload.body());
            assertFalse(upload.body().contains("root:"), upload.body());
            Reply result = BulkApi.getAbsolute(BulkApi.BASE + "/files/results/" + id + "?expires=9999999999&signature=00");
            assertTrue(result.status() == 403 || result.status() == 404 || result.status() == 400, id + ": " + result.status());
            assertFalse(result.body().contains("root:"), result.body());
        }
    }

    private static Reply uploadNamed(Tenant tenant, String url, Path file, String fileName, String contentType) {
        return BulkApi.multipart(url, tenant.headers(), file, fileName, contentType);
    }

    private static Reply checked(Reply reply, int httpStatus, int code) {
        assertError(reply, httpStatus, code);
        assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "), "no stack trace: " + reply.body());
        return reply;
    }
}
