package com.bulkupload.domain.model.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A refresh token, issued with every access token: the official Bing Ads SDKs renew an expired
 * access token with it (RFC 6749 section 6). Stored as its SHA-256 like an access token; used once
 * (a renewal replaces it), and only by the client it was issued to.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "client_id", nullable = false, length = 64)
    private String clientId;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected RefreshToken() {
    }

    public RefreshToken(String tokenHash, String clientId, Instant issuedAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.clientId = clientId;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public String clientId() {
        return clientId;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
