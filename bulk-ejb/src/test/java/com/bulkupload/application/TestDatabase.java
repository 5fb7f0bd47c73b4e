package com.bulkupload.application;

import com.bulkupload.infrastructure.config.BulkSettings;
import com.bulkupload.infrastructure.persistence.jpa.JpaCustomerListRepository;
import com.bulkupload.infrastructure.persistence.jpa.JpaTenantRepository;
import com.bulkupload.infrastructure.persistence.jpa.JpaUploadRequestRepository;
import com.bulkupload.infrastructure.persistence.schema.SchemaMigrator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A real database for unit tests: a private in-memory H2, migrated by the production Flyway
 * scripts, with Hibernate validating every entity against that schema, and the production JPA
 * repositories on top. Transactions are explicit ({@link #inTransaction}) where the server would
 * use container-managed ones.
 */
final class TestDatabase implements AutoCloseable {

    final EntityManagerFactory factory;
    final EntityManager em;
    final JpaTenantRepository tenants;
    final JpaCustomerListRepository lists;
    final JpaUploadRequestRepository uploads;

    TestDatabase() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        SchemaMigrator.migrate(dataSource, getClass().getClassLoader());
        factory = Persistence.createEntityManagerFactory("bulk-test", Map.of(
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.driver", "org.h2.Driver"));
        em = factory.createEntityManager();
        tenants = new JpaTenantRepository(em);
        lists = new JpaCustomerListRepository(em);
        uploads = new JpaUploadRequestRepository(em);
    }

    /** The admin service on this database, for setting up tenants, accounts and clients. */
    AdminService admin() {
        AdminService admin = new AdminService();
        admin.tenants = tenants;
        admin.lists = lists;
        return admin;
    }

    /** The request service on this database, with these settings and a clock stopped at {@code now}. */
    UploadRequestService requestService(BulkSettings settings, java.time.Instant now) {
        UploadRequestService service = new UploadRequestService();
        service.tenants = tenants;
        service.lists = lists;
        service.uploads = uploads;
        service.settings = settings;
        service.clock = java.time.Clock.fixed(now, java.time.ZoneOffset.UTC);
        return service;
    }

    <T> T inTransaction(Supplier<T> work) {
        em.getTransaction().begin();
        try {
            T result = work.get();
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            em.getTransaction().rollback();
            throw e;
        } finally {
            em.clear();
        }
    }

    @Override
    public void close() {
        em.close();
        factory.close();
    }
}
