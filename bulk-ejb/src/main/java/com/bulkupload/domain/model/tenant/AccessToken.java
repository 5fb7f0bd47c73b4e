package com.bulkupload.domain.model.tenant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** An issued bearer token (stored as its hash, see {@link HashedToken}). */
@Entity
@Table(name = "access_token")
public class AccessToken extends HashedToken {

    protected AccessToken() {
    }

    public AccessToken(String tokenHash, String clientId, TokenScope scope, Instant issuedAt, Instant expiresAt) {
        super(tokenHash, clientId, scope, issuedAt, expiresAt);
    }
}
