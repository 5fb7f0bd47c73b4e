package com.bulkupload.infrastructure.persistence.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * {@code EntityManager.find} that never mistakes a lost database for a missing row. Hibernate's
 * {@code find} returns null instead of failing when the connection broke and the container already
 * marked the JTA transaction rollback-only (HHH-12472, a WildFly accommodation): during a
 * PostgreSQL restart every token looked unknown (401) and every RequestId invalid (404). Here an
 * empty answer from a doomed transaction is an error (500), as it should be.
 */
final class EntityLookups {

    private EntityLookups() {
    }

    static <T> Optional<T> find(EntityManager em, Class<T> type, Object id) {
        return answered(em, em.find(type, id));
    }

    static <T> Optional<T> find(EntityManager em, Class<T> type, Object id, LockModeType lock) {
        return answered(em, em.find(type, id, lock));
    }

    private static <T> Optional<T> answered(EntityManager em, T found) {
        if (found == null) {
            SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
            if (session.isTransactionInProgress() && session.accessTransaction().getRollbackOnly()) {
                throw new PersistenceException("The database did not answer (the transaction is already rolled back)");
            }
        }
        return Optional.ofNullable(found);
    }
}
