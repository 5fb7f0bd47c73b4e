package com.bulkupload.infrastructure.persistence.schema;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the version this build expects, with Flyway (scripts in db/migration).
 * Flyway commits each migration itself, so no container transaction may be open. Several nodes
 * starting at once are safe: Flyway takes a database lock while it migrates.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigration {

    @Resource(lookup = "java:jboss/datasources/BulkDS")
    DataSource dataSource;

    public MigrateResult migrate() {
        return migrate(dataSource, getClass().getClassLoader());
    }

    public static MigrateResult migrate(DataSource dataSource, ClassLoader classLoader) {
        return Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
