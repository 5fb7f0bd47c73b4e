package com.bulkupload.infrastructure.persistence.schema;

import com.bulkupload.application.maintenance.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the version this build expects, with Flyway (scripts in db/migration).
 * Flyway commits each migration itself, so no container transaction may be open. Several nodes
 * starting at once are safe: Flyway takes a database lock while it migrates.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigration implements SchemaMigrations {

    @Resource(lookup = "java:jboss/datasources/BulkDS")
    DataSource dataSource;

    @Override
    public Migrated migrate() {
        MigrateResult result = SchemaMigrator.migrate(dataSource, getClass().getClassLoader());
        return new Migrated(result.targetSchemaVersion, result.migrationsExecuted, isPostgreSql());
    }

    private boolean isPostgreSql() {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("the database cannot be reached", e);
        }
    }
}
