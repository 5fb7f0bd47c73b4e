package com.bulkupload.infrastructure.security;

import com.bulkupload.application.identity.ServerSecrets;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server secrets kept in the shared database ({@code server_secret}), so every node signs and
 * verifies with the same ones. Each is generated (256 random bits) by the first node that asks;
 * a node that loses that race reads the winner's. Read once per node, then kept in memory.
 */
@Singleton
@Lock(LockType.READ)
public class DatabaseServerSecrets implements ServerSecrets {

    @PersistenceContext(unitName = "bulk")
    EntityManager em;

    private final Map<String, byte[]> known = new ConcurrentHashMap<>();

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public byte[] secret(String name) {
        byte[] secret = known.get(name);
        if (secret == null) {
            secret = load(name);
            if (secret == null) {
                try {
                    em.createNativeQuery("insert into server_secret (name, secret, created_at) values (?1, ?2, ?3)")
                            .setParameter(1, name).setParameter(2, new JdkSecrets().newToken()).setParameter(3, Instant.now())
                            .executeUpdate();
                    em.flush();
                } catch (RuntimeException e) {
                    // another node created it at the same moment: this transaction is lost, the caller asks again
                    throw new IllegalStateException("Server secret " + name + " was created by another node; ask again", e);
                }
                secret = load(name);
            }
            known.put(name, secret);
        }
        return secret;
    }

    private byte[] load(String name) {
        List<?> rows = em.createNativeQuery("select secret from server_secret where name = ?1").setParameter(1, name).getResultList();
        return rows.isEmpty() ? null : rows.get(0).toString().getBytes(StandardCharsets.US_ASCII);
    }
}
