package com.bulkupload.domain.model.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An issued bearer token. The token itself is never stored: its SHA-256 is the key, so a token
 * works on every node sharing the database and a database leak reveals no usable token.
 */
@Entity
@Table(name = "access_token")
public class AccessToken {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "client_id", nullable = false, length = 64)
    private String clientId;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected AccessToken() {
    }

    public AccessToken(String tokenHash, String clientId, Instant issuedAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.clientId = clientId;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public String clientId() {
        return clientId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
