package com.bulkupload.application.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.TestDatabase;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.infrastructure.security.AesGcmSecretSealer;
import com.bulkupload.infrastructure.security.JdkSecrets;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SigningKeyServiceTest {

    private TestDatabase db;
    private SigningKeyService keys;
    private Long accountId;

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        AdminService admin = db.admin();
        Long tenantId = db.inTransaction(() -> admin.createTenant("Acme"));
        accountId = db.inTransaction(() -> admin.createAccount(tenantId, "Acme CN")).accountId();
        keys = new SigningKeyService();
        keys.secrets = new JdkSecrets();
        keys.tenants = db.tenants;
        keys.sealer = new AesGcmSecretSealer("the test server's master key, 32+ chars".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aNewKeysSecretIsStoredSealedAndOpensForVerification() {
        SigningKeyService.NewSigningKey key = db.inTransaction(() -> keys.create(accountId, "alibaba sdk"));
        assertTrue(key.keyId().matches("LTAI[A-Za-z0-9]{20}"), key.keyId());
        assertTrue(key.keySecret().matches("[A-Za-z0-9]{30}"), key.keySecret());
        List<?> stored = db.em.createNativeQuery("select sealed_secret from signing_key").getResultList();
        assertEquals(1, stored.size());
        assertFalse(stored.get(0).toString().contains(key.keySecret()), "never in plain text");
        SigningKeyService.ActiveKey active = db.inTransaction(() -> keys.activeKey(key.keyId())).orElseThrow();
        assertEquals(accountId, active.accountId());
        assertEquals(key.keySecret(), active.secret());
    }

    @Test
    void aRevokedKeyVerifiesNothingFromTheNextReadOn() {
        SigningKeyService.NewSigningKey key = db.inTransaction(() -> keys.create(accountId, "top"));
        db.inTransaction(() -> {
            keys.revoke(key.keyId());
            return null;
        });
        db.em.clear();
        assertTrue(db.inTransaction(() -> keys.activeKey(key.keyId())).isEmpty());
        BulkApiException unknown = assertThrows(BulkApiException.class, () -> db.inTransaction(() -> {
            keys.revoke("LTAInosuchkey");
            return null;
        }));
        assertEquals(ErrorCode.INVALID_SIGNING_KEY, unknown.error());
        BulkApiException noAccount = assertThrows(BulkApiException.class, () -> db.inTransaction(() -> keys.create(999L, "x")));
        assertEquals(ErrorCode.INVALID_ACCOUNT_ID, noAccount.error());
    }
}
