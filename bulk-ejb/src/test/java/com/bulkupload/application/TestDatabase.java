package com.bulkupload.application;

import com.bulkupload.application.identity.AdminService;
import com.bulkupload.application.identity.IdentityTestWiring;
import com.bulkupload.application.requests.RequestsTestWiring;
import com.bulkupload.application.requests.UploadRequestService;
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
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real database for unit tests: a private in-memory H2, migrated by the production Flyway
 * scripts, with Hibernate validating every entity against that schema, and the production JPA
 * repositories on top. Transactions are explicit ({@link #inTransaction}) where the server would
 * use container-managed ones.
 */
public final class TestDatabase implements AutoCloseable {

    public final EntityManagerFactory factory;
    public final EntityManager em;
    public final JpaTenantRepository tenants;
    public final JpaCustomerListRepository lists;
    public final JpaUploadRequestRepository uploads;

    /** The schema of a PostgreSQL test database, dropped on close; null on H2. */
    private final String postgresSchema;

    public TestDatabase() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        SchemaMigrator.migrate(dataSource, getClass().getClassLoader());
        factory = Persistence.createEntityManagerFactory("bulk-test", Map.of(
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.driver", "org.h2.Driver"));
        postgresSchema = null;
        em = factory.createEntityManager();
        tenants = new JpaTenantRepository(em);
        lists = new JpaCustomerListRepository(em);
        uploads = new JpaUploadRequestRepository(em);
    }

    private TestDatabase(String schema, PGSimpleDataSource dataSource) {
        SchemaMigrator.migrate(dataSource, getClass().getClassLoader());
        factory = Persistence.createEntityManagerFactory("bulk-test", Map.of(
                "jakarta.persistence.jdbc.url", dataSource.getURL(),
                "jakarta.persistence.jdbc.user", "postgres",
                "jakarta.persistence.jdbc.driver", "org.postgresql.Driver",
                // the server never validates either; Hibernate's metadata reader does not count a partitioned table as a table
                "hibernate.hbm2ddl.auto", "none"));
        postgresSchema = schema;
        em = factory.createEntityManager();
        tenants = new JpaTenantRepository(em);
        lists = new JpaCustomerListRepository(em);
        uploads = new JpaUploadRequestRepository(em);
    }

    /**
     * The real PostgreSQL of the test run (127.0.0.1:5432, database {@code test}, as CI starts it),
     * in a schema of its own, migrated: for what only PostgreSQL does (a table per list).
     */
    public static TestDatabase onPostgres() {
        String schema = "unit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PGSimpleDataSource dataSource = postgres();
        try (java.sql.Connection connection = dataSource.getConnection(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 (database test) is needed by this test", e);
        }
        dataSource.setCurrentSchema(schema);
        return new TestDatabase(schema, dataSource);
    }

    /** The real PostgreSQL of the test run (127.0.0.1:5432, database {@code test}), in its default schema. */
    public static PGSimpleDataSource postgres() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL("jdbc:postgresql://127.0.0.1:5432/test");
        dataSource.setUser("postgres");
        return dataSource;
    }

    /** The admin service on this database, for setting up tenants, accounts and clients. */
    public AdminService admin() {
        return IdentityTestWiring.admin(tenants, lists);
    }

    /** The request service on this database, with these settings and a clock stopped at {@code now}. */
    public UploadRequestService requestService(BulkSettings settings, java.time.Instant now) {
        return RequestsTestWiring.requestService(this, settings, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
    }

    public <T> T inTransaction(Supplier<T> work) {
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
        if (postgresSchema != null) {
            try (java.sql.Connection connection = postgres().getConnection(); java.sql.Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + postgresSchema + " CASCADE");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
