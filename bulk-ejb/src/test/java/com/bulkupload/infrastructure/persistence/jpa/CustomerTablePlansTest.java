package com.bulkupload.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.application.TestDatabase;
import com.bulkupload.domain.model.customer.CustomerRepository;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On the real PostgreSQL: a query of the partitioned {@code customer} table by list, run as often
 * as a server runs it on one connection, locks only that list's table, while the same query under
 * PostgreSQL's default plan cache mode locks every list's table once it is prepared (the hazard
 * {@link CustomerTablePlans} exists for: with thousands of lists, "out of shared memory").
 */
class CustomerTablePlansTest {

    private static final int LISTS = 40;
    /** pgjdbc prepares a statement on the server at its 5th run; PostgreSQL weighs a generic plan after 5 custom ones. */
    private static final int RUNS = 15;
    private static final long FIRST_LIST = 1_000;

    private TestDatabase db;

    @BeforeEach
    void setUp() {
        db = TestDatabase.onPostgres();
        db.inTransaction(() -> {
            for (long list = FIRST_LIST; list < FIRST_LIST + LISTS; list++) {
                db.em.createNativeQuery("CREATE TABLE customer_p" + list + " PARTITION OF customer FOR VALUES IN (" + list + ")").executeUpdate();
            }
            return null;
        });
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aPageOfAListLocksOnlyThatListsTableHoweverOftenItIsRead() {
        long list = FIRST_LIST + 7;
        JpaCustomerRepository customers = new JpaCustomerRepository(db.em);
        Set<String> locked = db.inTransaction(() -> {
            for (int run = 0; run < RUNS; run++) {
                customers.page(list, new CustomerRepository.CustomerFilter(null, null, null, null), 0, 10);
                customers.isEmpty(list);
                customers.countByList(List.of(list));
            }
            return lockedListTables();
        });
        assertEquals(Set.of("customer_p" + list), locked);
    }

    @Test
    void theSameQueryUnderPostgresqlsDefaultPlanCacheModeLocksEveryListsTable() {
        Set<String> locked = db.inTransaction(() -> {
            db.em.createNativeQuery("SET LOCAL plan_cache_mode = auto").executeUpdate();
            for (int run = 0; run < RUNS; run++) {
                db.em.createQuery("select c.id from Customer c where c.customerListId = :list", Long.class)
                        .setParameter("list", FIRST_LIST + 7).setMaxResults(1).getResultList();
            }
            return lockedListTables();
        });
        assertTrue(locked.size() == LISTS, () -> "the generic plan locked " + locked.size() + " of " + LISTS + " lists' tables: " + locked);
    }

    @SuppressWarnings("unchecked")
    private Set<String> lockedListTables() {
        return new TreeSet<>((List<String>) db.em.createNativeQuery("SELECT c.relname::text FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                + " WHERE l.pid = pg_backend_pid() AND c.relkind = 'r' AND c.relname LIKE 'customer\\_p%'").getResultList());
    }
}
