package com.bulkupload.application.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.CallerContext;
import com.bulkupload.application.TestDatabase;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.infrastructure.security.AesGcmSecretSealer;
import com.bulkupload.infrastructure.security.JdkSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignedRequestServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final String TO_SIGN = "ACS3-HMAC-SHA256\nabc";

    private TestDatabase db;
    private SignedRequestService verifier;
    private SigningKeyService.NewSigningKey key;
    private Long accountId;

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        AdminService admin = db.admin();
        Long tenantId = db.inTransaction(() -> admin.createTenant("Acme"));
        accountId = db.inTransaction(() -> admin.createAccount(tenantId, "Acme CN")).accountId();
        SigningKeyService keys = new SigningKeyService();
        keys.secrets = new JdkSecrets();
        keys.tenants = db.tenants;
        keys.sealer = new AesGcmSecretSealer("the test server's master key, 32+ chars".getBytes(StandardCharsets.UTF_8));
        key = db.inTransaction(() -> keys.create(accountId, "sdk"));
        verifier = new SignedRequestService();
        verifier.secrets = new JdkSecrets();
        verifier.keys = keys;
        verifier.tenants = db.tenants;
        verifier.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private SignedRequestService.SignedRequest request(String keyId, String secret, Instant at, String nonce) {
        String signature = SignedRequestService.Algorithm.ACS3_HMAC_SHA256.sign(secret, TO_SIGN);
        return new SignedRequestService.SignedRequest(keyId, SignedRequestService.Algorithm.ACS3_HMAC_SHA256, TO_SIGN, signature, at, nonce);
    }

    private ErrorCode refusal(SignedRequestService.SignedRequest request) {
        return assertThrows(BulkApiException.class, () -> db.inTransaction(() -> verifier.verify(request))).error();
    }

    @Test
    void aRightlySignedRequestActsForTheKeysAccountAndItsNonceServesOnce() {
        CallerContext caller = db.inTransaction(() -> verifier.verify(request(key.keyId(), key.keySecret(), NOW, "n-1")));
        assertEquals(accountId, caller.accountId());
        assertEquals(ErrorCode.SIGNATURE_NONCE_USED, refusal(request(key.keyId(), key.keySecret(), NOW, "n-1")));
        db.inTransaction(() -> verifier.verify(request(key.keyId(), key.keySecret(), NOW, "n-2")));
    }

    @Test
    void eachCheckHasItsCodeAndAFailedRequestUsesUpNoNonce() {
        assertEquals(ErrorCode.INCOMPLETE_SIGNATURE, refusal(request(key.keyId(), key.keySecret(), NOW, null)));
        assertEquals(ErrorCode.INVALID_ACCESS_KEY_ID, refusal(request("LTAIunknown", key.keySecret(), NOW, "n-3")));
        assertEquals(ErrorCode.TIMESTAMP_EXPIRED, refusal(request(key.keyId(), key.keySecret(), NOW.minus(Duration.ofMinutes(16)), "n-3")));
        assertEquals(ErrorCode.TIMESTAMP_EXPIRED, refusal(request(key.keyId(), key.keySecret(), NOW.plus(Duration.ofMinutes(16)), "n-3")));
        assertEquals(ErrorCode.TIMESTAMP_EXPIRED, refusal(request(key.keyId(), key.keySecret(), null, "n-3")));
        assertEquals(ErrorCode.SIGNATURE_DOES_NOT_MATCH, refusal(request(key.keyId(), "wrong-secret", NOW, "n-3")));
        // none of the refused requests used n-3
        db.inTransaction(() -> verifier.verify(request(key.keyId(), key.keySecret(), NOW.minus(Duration.ofMinutes(14)), "n-3")));
    }

    @Test
    void v2SignsUnderTheSecretAndAnAmpersandInBase64() {
        String signature = SignedRequestService.Algorithm.HMAC_SHA1.sign("testsecret", "GET&%2F&AccessKeyId%3Dtestid");
        assertEquals(28, signature.length(), signature);
        assertEquals(signature, java.util.Base64.getEncoder().encodeToString(
                SignedRequestService.Algorithm.mac("HmacSHA1", "testsecret&", "GET&%2F&AccessKeyId%3Dtestid")));
    }
}
