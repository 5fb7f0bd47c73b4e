package com.bulkupload.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.e2e.BulkApi.Reply;
import com.bulkupload.e2e.BulkApi.Tenant;
import java.net.URI;
import java.net.http.HttpRequest;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/** The admin calls of CONTRACT §7 for signing keys: created for an account, shown once, revoked. */
@ServerTest
@RunAsClient
class SigningKeysIT {

    @Test
    void aSigningKeyIsCreatedForAnAccountShownOnceAndRevoked() {
        Tenant tenant = BulkApi.newTenant();
        Reply created = createKey(tenant.accountId(), BulkApi.ADMIN_KEY);
        assertEquals(201, created.status(), created.body());
        String keyId = created.json().path("KeyId").asText();
        assertTrue(keyId.matches("LTAI[A-Za-z0-9]{20}"), created.body());
        assertTrue(created.json().path("KeySecret").asText().matches("[A-Za-z0-9]{30}"), created.body());

        assertEquals(204, revoke(keyId, BulkApi.ADMIN_KEY).status());
        assertEquals(204, revoke(keyId, BulkApi.ADMIN_KEY).status(), "revoking twice changes nothing");
        Reply unknown = revoke("LTAInosuchkey00000000000", BulkApi.ADMIN_KEY);
        assertEquals(404, unknown.status());
        assertEquals(3233, unknown.errorCode());
    }

    @Test
    void signingKeysNeedTheAdminKeyAndAnAccountThatExists() {
        Tenant tenant = BulkApi.newTenant();
        Reply noAdmin = createKey(tenant.accountId(), "wrong");
        assertEquals(401, noAdmin.status());
        Reply noAccount = createKey(987_654_321L, BulkApi.ADMIN_KEY);
        assertEquals(404, noAccount.status());
        assertEquals(3231, noAccount.errorCode());
        String keyId = createKey(tenant.accountId(), BulkApi.ADMIN_KEY).json().path("KeyId").asText();
        assertEquals(401, revoke(keyId, "wrong").status());
    }

    private static Reply createKey(long accountId, String adminKey) {
        return BulkApi.send(HttpRequest.newBuilder(URI.create(BulkApi.BASE + "/admin/v1/accounts/" + accountId + "/signing-keys"))
                .header("X-Admin-Key", adminKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BulkApi.json("Name", "sdk"))));
    }

    private static Reply revoke(String keyId, String adminKey) {
        return BulkApi.send(HttpRequest.newBuilder(URI.create(BulkApi.BASE + "/admin/v1/signing-keys/" + keyId))
                .header("X-Admin-Key", adminKey).DELETE());
    }
}
