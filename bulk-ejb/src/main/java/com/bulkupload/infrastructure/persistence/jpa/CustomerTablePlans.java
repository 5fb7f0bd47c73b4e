package com.bulkupload.infrastructure.persistence.jpa;

import jakarta.persistence.EntityManager;
import java.sql.Statement;
import org.hibernate.Session;

/**
 * On PostgreSQL {@code customer} is partitioned by list, a table per list (V19). A JPA query of
 * it by list must be planned for its parameters' values, so that only that list's table is planned
 * and locked: after a prepared statement's fifth run PostgreSQL also builds a generic plan to
 * compare, which opens and locks every list's table until the transaction ends, and with thousands
 * of lists runs out of the lock table ({@code CustomerTablePlansTest} shows both). So each such
 * query's transaction plans for values ({@code SET LOCAL}), and every other statement of the
 * server keeps PostgreSQL's default: forcing custom plans for the whole role (V19, undone by V20)
 * cost status calls a fifth to a third of their rate (docs/performance-profile.md).
 */
final class CustomerTablePlans {

    private CustomerTablePlans() {
    }

    /** Before a JPA query of {@code customer}, in its transaction: on PostgreSQL, custom plans until the transaction ends. */
    static void forValues(EntityManager em) {
        em.unwrap(Session.class).doWork(connection -> {
            // the driver answers its product name without a round trip (and a test JVM has both databases)
            if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL plan_cache_mode = force_custom_plan");
                }
            }
        });
    }
}
