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

    /** Failed token requests of {@code throttleKey} in the window numbered {@code window}, on every node. */
    int tokenFailures(String throttleKey, long window);

    /** One more failed token request of {@code throttleKey} in {@code window} (an older window's count starts over). */
    void countTokenFailure(String throttleKey, long window);

    /** Deletes the failure counts of windows before {@code window}. */
    int deleteTokenFailuresBefore(long window);

    /**
     * Lets one more upload of the account in unless {@code limit} of its uploads, alive since
     * {@code staleBefore}, stream already on any node. Decided under the account's row lock.
     *
     * @return the upload's id, to say it is alive and to end it; empty when refused
     */
    java.util.Optional<String> enterUpload(Long accountId, int limit, Instant now, Instant staleBefore);

    /** The upload still streams; false if its row is gone. */
    boolean uploadAlive(String uploadId, Instant now);

    void endUpload(String uploadId);

    /** Deletes the rows of uploads silent since {@code before} (their nodes died). */
    int deleteUploadsSilentSince(Instant before);

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
