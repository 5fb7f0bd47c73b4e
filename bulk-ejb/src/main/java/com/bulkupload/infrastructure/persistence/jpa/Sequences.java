package com.bulkupload.infrastructure.persistence.jpa;

import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/** The next value of a database sequence, asked as the database's own dialect spells it (H2 and PostgreSQL differ). */
final class Sequences {

    private Sequences() {
    }

    static long next(EntityManager em, String sequence) {
        String next = em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString(sequence);
        return ((Number) em.createNativeQuery(next).getSingleResult()).longValue();
    }
}
