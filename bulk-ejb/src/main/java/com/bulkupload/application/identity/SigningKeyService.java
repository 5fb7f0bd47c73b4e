package com.bulkupload.application.identity;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.tenant.Account;
import com.bulkupload.domain.model.tenant.SigningKey;
import com.bulkupload.domain.model.tenant.TenantRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * The signing keys of the signed protocols (CONTRACT §7): created for an account (the secret
 * shown once, stored sealed), revoked at once on every node, and opened for the protocols that
 * verify signatures with them (Alibaba Cloud's RPC, Taobao TOP).
 */
@Stateless
public class SigningKeyService {

    @Inject
    Secrets secrets;

    @Inject
    TenantRepository tenants;

    @Inject
    SecretSealer sealer;

    Clock clock = Clock.systemUTC();

    public record NewSigningKey(String keyId, String keySecret) {
    }

    /** A key that verifies signatures: its account and its secret, opened. */
    public record ActiveKey(String keyId, Long accountId, String secret) {
    }

    public NewSigningKey create(Long accountId, String name) {
        Account account = tenants.findAccount(accountId).orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_ACCOUNT_ID));
        if (name == null || name.isBlank() || name.trim().length() > 255) {
            throw new BulkApiException(ErrorCode.INVALID_NAME);
        }
        // Alibaba's AccessKeyIds are letters and digits; so are TOP's app keys: one id serves both
        String keyId = "LTAI" + secrets.newAlphanumeric(20);
        String secret = secrets.newAlphanumeric(30);
        tenants.store(new SigningKey(keyId, account.id(), name.trim(), sealer.seal(secret, keyId), clock.instant()));
        return new NewSigningKey(keyId, secret);
    }

    /** Revokes the key (3233 if there is none); its signatures are refused from the next request on, on every node. */
    public void revoke(String keyId) {
        tenants.findSigningKey(keyId).orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_SIGNING_KEY)).revoke(clock.instant());
    }

    /** The key, if it exists and is not revoked, with its secret opened: read afresh every time. */
    public Optional<ActiveKey> activeKey(String keyId) {
        return tenants.findSigningKey(keyId).filter(key -> !key.isRevoked())
                .map(key -> new ActiveKey(key.keyId(), key.accountId(), sealer.open(key.sealedSecret(), key.keyId())));
    }
}
