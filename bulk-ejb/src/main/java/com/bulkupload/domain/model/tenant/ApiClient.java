package com.bulkupload.domain.model.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An API client (OAuth client-credentials) of one tenant. Only hashes of its secret and of its
 * developer token are kept; the plain values are shown once, when the client is created.
 */
@Entity
@Table(name = "api_client")
public class ApiClient {

    @Id
    @Column(name = "client_id", length = 64)
    private String clientId;

    @Column(name = "tenant_id", nullable = false)
    private Long tenantId;

    @Column(nullable = false, length = 255)
    private String name;

    @Column(name = "secret_hash", nullable = false, length = 200)
    private String secretHash;

    @Column(name = "developer_token_hash", nullable = false, length = 64)
    private String developerTokenHash;

    @Column(nullable = false)
    private boolean revoked;

    /** The account the client acts on when its protocol names none (CONTRACT §7); null: the customer's first. */
    @Column(name = "default_account_id")
    private Long defaultAccountId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ApiClient() {
    }

    public ApiClient(String clientId, Long tenantId, String name, String secretHash,
                     String developerTokenHash, Instant createdAt) {
        this.clientId = clientId;
        this.tenantId = tenantId;
        this.name = name;
        this.secretHash = secretHash;
        this.developerTokenHash = developerTokenHash;
        this.createdAt = createdAt;
    }

    public String clientId() {
        return clientId;
    }

    public Long tenantId() {
        return tenantId;
    }

    public String secretHash() {
        return secretHash;
    }

    public String developerTokenHash() {
        return developerTokenHash;
    }

    public Long defaultAccountId() {
        return defaultAccountId;
    }

    public void actByDefaultOn(Account account) {
        if (!account.belongsTo(tenantId)) {
            throw new IllegalArgumentException("account " + account.id() + " is not of tenant " + tenantId);
        }
        this.defaultAccountId = account.id();
    }

    public boolean isRevoked() {
        return revoked;
    }

    public void revoke() {
        this.revoked = true;
    }
}
