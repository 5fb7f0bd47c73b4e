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
        assertEquals("3", result.targetSchemaVersion);
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
        assertEquals(3, result.migrationsExecuted);
        assertTrue(result.success);
    }
}
