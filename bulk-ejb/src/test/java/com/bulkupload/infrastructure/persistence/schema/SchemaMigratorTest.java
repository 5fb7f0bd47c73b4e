package com.bulkupload.infrastructure.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class SchemaMigratorTest {

    private static JdbcDataSource database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    @Test
    void customersHaveNoForeignKeyToTheirListAfterV3() throws SQLException {
        JdbcDataSource dataSource = database();
        MigrateResult result = SchemaMigrator.migrate(dataSource, getClass().getClassLoader());
        assertEquals("4", result.targetSchemaVersion);
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
        assertEquals(4, result.migrationsExecuted);
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
        assertEquals("4", SchemaMigrator.migrate(dataSource, getClass().getClassLoader()).targetSchemaVersion);
        List<String> phones = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT phone FROM customer ORDER BY id")) {
            while (rs.next()) {
                phones.add(rs.getString(1));
            }
        }
        assertEquals(java.util.Arrays.asList("+8613800000001", "5551234567", "+8613800000009", null), phones);
    }
}
