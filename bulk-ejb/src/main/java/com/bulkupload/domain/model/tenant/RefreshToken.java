package com.bulkupload.domain.model.tenant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A refresh token, issued with every access token: the official Bing Ads SDKs renew an expired
 * access token with it (RFC 6749 section 6). Stored as its hash ({@link HashedToken}); used once
 * (a renewal replaces it), and only by the client it was issued to.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends HashedToken {

    protected RefreshToken() {
    }

    public RefreshToken(String tokenHash, String clientId, TokenScope scope, Instant issuedAt, Instant expiresAt) {
        super(tokenHash, clientId, scope, issuedAt, expiresAt);
    }
}
