package com.bulkupload.domain.model.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * A token the server issued to an API client and keeps only as its SHA-256: the hash is the key,
 * so the token works on every node sharing the database and a database leak reveals no usable
 * token. Access tokens and refresh tokens are both this, in tables of their own.
 */
@MappedSuperclass
public abstract class HashedToken {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "client_id", nullable = false, length = 64)
    private String clientId;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "scope", nullable = false, length = 16)
    private String scope;

    protected HashedToken() {
    }

    protected HashedToken(String tokenHash, String clientId, TokenScope scope, Instant issuedAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.clientId = clientId;
        this.scope = scope.value();
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public TokenScope scope() {
        return TokenScope.of(scope);
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
