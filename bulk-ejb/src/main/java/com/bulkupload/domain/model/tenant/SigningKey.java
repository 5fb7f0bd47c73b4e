package com.bulkupload.domain.model.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A key pair of the signed protocols (CONTRACT §7): Alibaba Cloud's AccessKeyId/AccessKeySecret,
 * Taobao TOP's app_key/secret. Bound to one account. The secret is kept sealed (its plain text is
 * only ever shown once, when the key is created); who seals and opens it is infrastructure's
 * business, behind {@code application.SecretSealer}.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey {

    @Id
    @Column(name = "key_id", length = 64)
    private String keyId;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false, length = 255)
    private String name;

    @Column(name = "sealed_secret", nullable = false, length = 512)
    private String sealedSecret;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected SigningKey() {
    }

    public SigningKey(String keyId, Long accountId, String name, String sealedSecret, Instant createdAt) {
        this.keyId = keyId;
        this.accountId = accountId;
        this.name = name;
        this.sealedSecret = sealedSecret;
        this.createdAt = createdAt;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public String keyId() {
        return keyId;
    }

    public Long accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public String sealedSecret() {
        return sealedSecret;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
