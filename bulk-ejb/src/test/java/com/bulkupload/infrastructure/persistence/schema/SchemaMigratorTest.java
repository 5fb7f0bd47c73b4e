package com.bulkupload.infrastructure.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.application.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class SchemaMigratorTest {

    /** The newest migration: every test migrates to it. */
    private static final String LATEST = "20";


    private static JdbcDataSource database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    @Test
    void customersHaveNoForeignKeyToTheirListAfterV3() throws SQLException {
        JdbcDataSource dataSource = database();
        MigrateResult result = SchemaMigrator.migrate(dataSource, getClass().getClassLoader());
        assertEquals(LATEST, result.targetSchemaVersion);
        List<String> referenced = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.getMetaData().getImportedKeys(null, null, "CUSTOMER")) {
            while (rs.next()) {
                referenced.add(rs.getString("PKTABLE_NAME"));
            }
        }
        assertEquals(List.of(), referenced);
    }

    @Test
    void aSchemaHoldingOnlyTheTimerTableIsMigratedFromTheStart() throws SQLException {
        JdbcDataSource dataSource = database();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // what WildFly's database timer store creates at boot, before the application migrates
            statement.execute("CREATE TABLE JBOSS_EJB_TIMER (ID VARCHAR PRIMARY KEY NOT NULL)");
        }
        MigrateResult result = SchemaMigrator.migrate(dataSource, getClass().getClassLoader());
        assertEquals(Integer.parseInt(LATEST), result.migrationsExecuted);
        assertTrue(result.success);
    }

    @Test
    void v4StoresPhonesWrittenWithSeparatorsInTheirNormalForm() throws SQLException {
        JdbcDataSource dataSource = database();
        SchemaMigrator.migrate(dataSource, getClass().getClassLoader(), "3");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String[] row : new String[][] {{"1", "'+86 138-0000-0001'"}, {"2", "'(555) 123.4567'"}, {"3", "'+8613800000009'"}, {"4", "NULL"}}) {
                statement.execute("INSERT INTO customer (id, customer_list_id, partition_name, phone, created_at, updated_at,"
                        + " updated_by_request, updated_by_client) VALUES (" + row[0] + ", 1, 'Default', " + row[1]
                        + ", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'r', 'c')");
            }
        }
        assertEquals(LATEST, SchemaMigrator.migrate(dataSource, getClass().getClassLoader()).targetSchemaVersion);
        List<String> phones = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT phone FROM customer ORDER BY id")) {
            while (rs.next()) {
                phones.add(rs.getString(1));
            }
        }
        assertEquals(java.util.Arrays.asList("+8613800000001", "5551234567", "+8613800000009", null), phones);
    }

    @Test
    void v5NumbersEarlierRequestsInTheOrderTheyWereCreatedAndTheSequenceGoesOnAfterThem() throws SQLException {
        JdbcDataSource dataSource = database();
        SchemaMigrator.migrate(dataSource, getClass().getClassLoader(), "4");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET REFERENTIAL_INTEGRITY FALSE"); // no tenants needed to number requests
            for (String[] row : new String[][] {{"bbbb", "2026-11-02"}, {"aaaa", "2026-11-03"}, {"cccc", "2026-11-01"}}) {
                statement.execute("INSERT INTO upload_request (request_id, account_id, customer_list_id, response_mode, lookup_field,"
                        + " partition_name, client_id, status, percent_complete, rows_processed, rows_failed, rows_with_warning,"
                        + " created_at, upload_deadline, updated_at, version) VALUES ('" + row[0] + "', 1, 1, 'ErrorsOnly', 'Email',"
                        + " 'Default', 'c', 'Completed', 100, 0, 0, 0, TIMESTAMP WITH TIME ZONE '" + row[1] + " 00:00:00Z',"
                        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");
            }
        }
        assertEquals(LATEST, SchemaMigrator.migrate(dataSource, getClass().getClassLoader()).targetSchemaVersion);
        List<String> numbered = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT request_id, batch_id FROM upload_request ORDER BY batch_id")) {
                while (rs.next()) {
                    numbered.add(rs.getString(1) + "=" + rs.getLong(2));
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT NEXT VALUE FOR upload_batch_seq")) {
                rs.next();
                assertEquals(4, rs.getLong(1), "new requests are numbered after the old ones");
            }
        }
        assertEquals(List.of("cccc=1", "bbbb=2", "aaaa=3"), numbered);
        // and V16: the requests of before claims are claim 0, whose result file keeps its name
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*), SUM(import_claim), SUM(result_claim) FROM upload_request")) {
            rs.next();
            assertEquals(List.of(3L, 0L, 0L), List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
        }
    }

    @Test
    void v12GivesEveryCustomerWithAnEmailTheHashOfItAndFindsThemByItThroughANewIndex() throws SQLException {
        JdbcDataSource dataSource = database();
        SchemaMigrator.migrate(dataSource, getClass().getClassLoader(), "11");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String[] row : new String[][] {{"1", "'test@example.com'"}, {"2", "'zoë@example.com'"}, {"3", "NULL"}}) {
                statement.execute("INSERT INTO customer (id, customer_list_id, partition_name, email, created_at, updated_at,"
                        + " updated_by_request, updated_by_client) VALUES (" + row[0] + ", 1, 'Default', " + row[1]
                        + ", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'r', 'c')");
            }
        }
        assertEquals(LATEST, SchemaMigrator.migrate(dataSource, getClass().getClassLoader()).targetSchemaVersion);
        List<String> hashes = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT email_sha256 FROM customer ORDER BY id")) {
                while (rs.next()) {
                    hashes.add(rs.getString(1));
                }
            }
            try (ResultSet rs = connection.getMetaData().getIndexInfo(null, null, "CUSTOMER", false, false)) {
                while (rs.next()) {
                    indexes.add(rs.getString("INDEX_NAME").toLowerCase());
                }
            }
        }
        assertEquals(java.util.Arrays.asList("973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b",
                com.bulkupload.domain.model.customer.EmailHashes.of("zoë@example.com"), null), hashes);
        assertTrue(indexes.contains("customer_email_sha256_idx") && !indexes.contains("customer_email_idx"), indexes.toString());
    }

    /**
     * On the real PostgreSQL of the test run (127.0.0.1:5432, database test), in a schema of its
     * own: the customers of the release before end up in a table per list, each a partition of
     * {@code customer} with the lookup indexes, and every query of {@code customer} still sees them.
     */
    @Test
    void v19MovesEveryListsCustomersIntoATableOfItsOwnOnPostgreSQL() throws SQLException {
        String schema = "v19_test_" + UUID.randomUUID().toString().substring(0, 8);
        PGSimpleDataSource dataSource = TestDatabase.postgres();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        dataSource.setCurrentSchema(schema);
        try {
            SchemaMigrator.migrate(dataSource, getClass().getClassLoader(), "18");
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO customer (id, customer_list_id, partition_name, email, email_sha256, phone, created_at,"
                        + " updated_at, updated_by_request, updated_by_client) SELECT g, 7 + g % 3, 'Default', 'u' || g || '@x.com',"
                        + " md5(g::text), '+86' || g, now(), now(), 'r', 'c' FROM generate_series(1, 3000) g");
            }
            assertEquals(LATEST, SchemaMigrator.migrate(dataSource, getClass().getClassLoader()).targetSchemaVersion);
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                assertEquals(List.of("customer_p7 1000", "customer_p8 1000", "customer_p9 1000"), strings(statement,
                        "SELECT c.relname || ' ' || (SELECT count(*) FROM customer WHERE tableoid = c.oid) FROM pg_inherits i"
                                + " JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '" + schema + ".customer'::regclass"
                                + " ORDER BY c.relname"));
                assertEquals(List.of("1000"), strings(statement, "SELECT count(*) FROM customer WHERE customer_list_id = 8"));
                assertEquals(List.of("u300@x.com"), strings(statement,
                        "SELECT email FROM customer WHERE customer_list_id = 7 AND email_sha256 = md5('300')"));
                assertEquals(List.of("customer_p7_email_sha256_partition_name_idx", "customer_p7_external_id_partition_name_idx",
                        "customer_p7_phone_partition_name_idx", "customer_p7_pkey"), strings(statement,
                        "SELECT indexname FROM pg_indexes WHERE schemaname = '" + schema + "' AND tablename = 'customer_p7' ORDER BY 1"));
                assertEquals(List.of("0"), strings(statement,
                        "SELECT count(*) FROM pg_class WHERE relname = 'customer_before_v19' AND relnamespace = '" + schema + "'::regnamespace"));
                // V20: the role plans by PostgreSQL's default again; only customer queries ask for custom plans
                assertEquals(List.of("0"), strings(statement, "SELECT count(*) FROM pg_db_role_setting s, unnest(s.setconfig) c"
                        + " WHERE s.setrole = (SELECT oid FROM pg_roles WHERE rolname = current_user)"
                        + " AND s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database()) AND c LIKE 'plan_cache_mode=%'"));
            }
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static List<String> strings(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
