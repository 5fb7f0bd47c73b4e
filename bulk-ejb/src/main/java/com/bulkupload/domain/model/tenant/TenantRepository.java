package com.bulkupload.domain.model.tenant;

import java.time.Instant;
import java.util.Optional;

/** Tenants, their accounts, API clients and tokens. */
public interface TenantRepository {

    Tenant store(Tenant tenant);

    Optional<Tenant> findTenant(Long tenantId);

    Account store(Account account);

    Optional<Account> findAccount(Long accountId);

    /** Every account of the tenant, oldest first. */
    java.util.List<Account> findAccounts(Long tenantId);

    /** The tenant's first account (lowest id), if it has any. */
    Optional<Account> findFirstAccount(Long tenantId);

    /** Locks the account row until the transaction ends: serialises per-account quota checks across nodes. */
    Optional<Account> lockAccount(Long accountId);

    ApiClient store(ApiClient client);

    Optional<ApiClient> findClient(String clientId);

    SigningKey store(SigningKey key);

    /**
     * Records a nonce as used until {@code expiresAt}; false when it was used already (on any
     * node: one row per nonce, the insert decides).
     */
    boolean useNonce(String nonceHash, Instant expiresAt);

    int deleteNoncesExpiredBefore(Instant instant);

    /** The signing key, revoked or not: read afresh on every call, so a revocation holds on every node at once. */
    Optional<SigningKey> findSigningKey(String keyId);

    AccessToken store(AccessToken token);

    Optional<AccessToken> findToken(String tokenHash);

    int deleteTokensExpiredBefore(Instant instant);

    RefreshToken store(RefreshToken token);

    /** Removes the refresh token and returns it: of two concurrent renewals with one token, only one gets it. */
    Optional<RefreshToken> takeRefreshToken(String tokenHash);

    boolean hasAnyTenant();
}
