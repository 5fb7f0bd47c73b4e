package com.bulkupload.e2e;

import static com.bulkupload.e2e.BulkApi.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.e2e.BulkApi.Tenant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/** No secret, token or key that reaches the server is ever written to its log. */
@ServerTest
@RunAsClient
class LogHygieneIT {

    @Test
    void secretsTokensAndKeysNeverReachTheServerLog() throws IOException {
        Tenant tenant = BulkApi.newTenant();
        String requestId = BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId())).json().get("RequestId").asText();
        assertEquals(200, BulkApi.getBulkUploadStatus(tenant, requestId).status());
        String wrongSecret = "wrong-secret-" + UUID.randomUUID();
        String forgedToken = "forged-token-" + UUID.randomUUID();
        String wrongDeveloperToken = "wrong-developer-token-" + UUID.randomUUID();
        assertEquals(401, BulkApi.token(tenant.clientId(), wrongSecret).status());
        List<String> forged = new ArrayList<>(tenant.headers());
        forged.set(1, "Bearer " + forgedToken);
        assertEquals(401, BulkApi.postJson("/Bulk/v13/BulkUploadStatus/Query", json("RequestId", requestId), forged).status());
        List<String> wrongDeveloper = new ArrayList<>(tenant.headers());
        wrongDeveloper.set(3, wrongDeveloperToken);
        assertEquals(401, BulkApi.postJson("/Bulk/v13/BulkUploadStatus/Query", json("RequestId", requestId), wrongDeveloper).status());
        String wrongAdminKey = "wrong-admin-key-" + UUID.randomUUID();
        assertEquals(401, BulkApi.postJson("/admin/v1/customers", json("Name", "x"), List.of("X-Admin-Key", wrongAdminKey)).status());

        Path log = Path.of(System.getProperty("e2e.server.log"));
        assertTrue(Files.isRegularFile(log), "server log at " + log);
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains("POST /Bulk/v13/BulkUploadStatus/Query -> 401"), "the log does record the calls");
        List<String> secrets = new ArrayList<>(tenant.tokens().issued());
        secrets.addAll(List.of(tenant.clientSecret(), tenant.developerToken(), wrongSecret,
                forgedToken, wrongDeveloperToken, wrongAdminKey, BulkApi.ADMIN_KEY, "e2e-bootstrap-secret", "e2e-bootstrap-developer-token"));
        for (String secret : secrets) {
            assertFalse(text.contains(secret), "the server log contains a secret: " + secret.substring(0, 6) + "...");
        }
    }
}
