package com.bulkupload.domain.model.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A nonce a signed request has used: refused for its key until {@code expiresAt}, when its timestamp is stale anyway. */
@Entity
@Table(name = "signature_nonce")
public class UsedNonce {

    @Id
    @Column(name = "nonce_hash", length = 64)
    private String nonceHash;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected UsedNonce() {
    }

    public UsedNonce(String nonceHash, Instant expiresAt) {
        this.nonceHash = nonceHash;
        this.expiresAt = expiresAt;
    }
}
