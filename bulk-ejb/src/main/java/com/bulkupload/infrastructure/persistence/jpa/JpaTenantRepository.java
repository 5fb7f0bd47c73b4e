package com.bulkupload.infrastructure.persistence.jpa;

import com.bulkupload.domain.model.tenant.AccessToken;
import com.bulkupload.domain.model.tenant.RefreshToken;
import com.bulkupload.domain.model.tenant.Account;
import com.bulkupload.domain.model.tenant.ApiClient;
import com.bulkupload.domain.model.tenant.SigningKey;
import com.bulkupload.domain.model.tenant.Tenant;
import com.bulkupload.domain.model.tenant.TenantRepository;
import com.bulkupload.domain.model.tenant.UploadInFlight;
import com.bulkupload.domain.model.tenant.UsedNonce;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class JpaTenantRepository implements TenantRepository {

    @PersistenceContext(unitName = "bulk")
    EntityManager em;

    /** For CDI, which injects the container-managed entity manager. */
    public JpaTenantRepository() {
    }

    /** With an entity manager managed by the caller (tests, tools). */
    public JpaTenantRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Tenant store(Tenant tenant) {
        em.persist(tenant);
        return tenant;
    }

    @Override
    public Optional<Tenant> findTenant(Long tenantId) {
        return EntityLookups.find(em, Tenant.class, tenantId);
    }

    @Override
    public Account store(Account account) {
        em.persist(account);
        return account;
    }

    @Override
    public java.util.List<Account> findAccounts(Long tenantId) {
        return accountsOf(tenantId).getResultList();
    }

    @Override
    public Optional<Account> findFirstAccount(Long tenantId) {
        return accountsOf(tenantId).setMaxResults(1).getResultList().stream().findFirst();
    }

    private jakarta.persistence.TypedQuery<Account> accountsOf(Long tenantId) {
        return em.createQuery("select a from Account a where a.tenantId = :tenant order by a.id", Account.class)
                .setParameter("tenant", tenantId);
    }

    @Override
    public Optional<Account> findAccount(Long accountId) {
        return EntityLookups.find(em, Account.class, accountId);
    }

    @Override
    public Optional<Account> lockAccount(Long accountId) {
        return EntityLookups.find(em, Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public ApiClient store(ApiClient client) {
        em.persist(client);
        return client;
    }

    @Override
    public Optional<ApiClient> findClient(String clientId) {
        // a control character (NUL above all, which PostgreSQL refuses) is in no client id
        if (clientId == null || clientId.chars().anyMatch(c -> c < 0x20)) {
            return Optional.empty();
        }
        return EntityLookups.find(em, ApiClient.class, clientId);
    }

    @Override
    public SigningKey store(SigningKey key) {
        em.persist(key);
        return key;
    }

    @Override
    public boolean useNonce(String nonceHash, Instant expiresAt) {
        // one statement decides, on every node and both databases: the row is new, or it is not
        return em.createQuery("insert into UsedNonce (nonceHash, expiresAt) values (:hash, :expires) on conflict do nothing")
                .setParameter("hash", nonceHash)
                .setParameter("expires", expiresAt)
                .executeUpdate() == 1;
    }

    @Override
    public int deleteNoncesExpiredBefore(Instant instant) {
        return em.createQuery("delete from UsedNonce n where n.expiresAt < :instant").setParameter("instant", instant).executeUpdate();
    }

    @Override
    public int tokenFailures(String throttleKey, long window) {
        return em.createQuery("select w.failures from TokenFailureWindow w where w.throttleKey = :key and w.windowStart = :window", Integer.class)
                .setParameter("key", throttleKey)
                .setParameter("window", window)
                .getResultStream().findFirst().orElse(0);
    }

    @Override
    public void countTokenFailure(String throttleKey, long window) {
        // one statement, so that failures counted at once on two nodes both count (the database's
        // own upsert; Hibernate writes it as H2's MERGE or PostgreSQL's ON CONFLICT)
        em.createQuery("insert into TokenFailureWindow (throttleKey, windowStart, failures) values (:key, :window, 1)"
                        + " on conflict(throttleKey) do update set failures = case when windowStart = :window then failures + 1 else 1 end,"
                        + " windowStart = :window")
                .setParameter("key", throttleKey)
                .setParameter("window", window)
                .executeUpdate();
    }

    @Override
    public int deleteTokenFailuresBefore(long window) {
        return em.createQuery("delete from TokenFailureWindow w where w.windowStart < :window").setParameter("window", window).executeUpdate();
    }

    @Override
    public Optional<String> enterUpload(Long accountId, int limit, Instant now, Instant staleBefore) {
        if (lockAccount(accountId).isEmpty()) {
            return Optional.empty();
        }
        long streaming = em.createQuery("select count(u) from UploadInFlight u where u.accountId = :account and u.aliveAt > :stale", Long.class)
                .setParameter("account", accountId)
                .setParameter("stale", staleBefore)
                .getSingleResult();
        if (streaming >= limit) {
            return Optional.empty();
        }
        String id = java.util.UUID.randomUUID().toString().replace("-", "");
        em.persist(new UploadInFlight(id, accountId, now));
        return Optional.of(id);
    }

    @Override
    public boolean uploadAlive(String uploadId, Instant now) {
        return em.createQuery("update UploadInFlight u set u.aliveAt = :now where u.id = :id")
                .setParameter("now", now).setParameter("id", uploadId).executeUpdate() == 1;
    }

    @Override
    public void endUpload(String uploadId) {
        em.createQuery("delete from UploadInFlight u where u.id = :id").setParameter("id", uploadId).executeUpdate();
    }

    @Override
    public int deleteUploadsSilentSince(Instant before) {
        return em.createQuery("delete from UploadInFlight u where u.aliveAt <= :before").setParameter("before", before).executeUpdate();
    }

    @Override
    public Optional<SigningKey> findSigningKey(String keyId) {
        if (keyId == null || keyId.isEmpty() || keyId.length() > 64 || keyId.chars().anyMatch(c -> c < 0x20)) {
            return Optional.empty();
        }
        return EntityLookups.find(em, SigningKey.class, keyId);
    }

    @Override
    public AccessToken store(AccessToken token) {
        em.persist(token);
        return token;
    }

    @Override
    public Optional<AccessToken> findToken(String tokenHash) {
        return EntityLookups.find(em, AccessToken.class, tokenHash);
    }

    @Override
    public int deleteTokensExpiredBefore(Instant instant) {
        return em.createQuery("delete from AccessToken t where t.expiresAt < :instant")
                .setParameter("instant", instant)
                .executeUpdate()
                + em.createQuery("delete from RefreshToken t where t.expiresAt < :instant")
                .setParameter("instant", instant)
                .executeUpdate();
    }

    @Override
    public RefreshToken store(RefreshToken token) {
        em.persist(token);
        return token;
    }

    @Override
    public Optional<RefreshToken> takeRefreshToken(String tokenHash) {
        Optional<RefreshToken> token = EntityLookups.find(em, RefreshToken.class, tokenHash);
        // the delete decides: a twin renewal that found the same row deletes nothing and gets nothing
        int deleted = em.createQuery("delete from RefreshToken t where t.tokenHash = :hash")
                .setParameter("hash", tokenHash).executeUpdate();
        return deleted == 1 ? token : Optional.empty();
    }

    @Override
    public boolean hasAnyTenant() {
        return !em.createQuery("select t.id from Tenant t", Long.class).setMaxResults(1).getResultList().isEmpty();
    }
}
