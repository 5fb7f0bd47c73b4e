package com.bulkupload.infrastructure.persistence.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway over the scripts in {@code db/migration}; the same call in the server and in tests.
 * The server's EJB timer store keeps its table ({@code JBOSS_EJB_TIMER}) in the same schema and
 * creates it at boot, before this runs: a schema holding only that table is therefore "baselined"
 * at version 0, below V1, so every migration still runs.
 */
public final class SchemaMigrator {

    private SchemaMigrator() {
    }

    public static MigrateResult migrate(DataSource dataSource, ClassLoader classLoader) {
        return migrate(dataSource, classLoader, "latest");
    }

    /** Up to a given version only: for tests of one migration on the data of the schema before it. */
    static MigrateResult migrate(DataSource dataSource, ClassLoader classLoader, String target) {
        return Flyway.configure(classLoader)
                .target(target)
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .javaMigrations(new V3__Customer_without_list_foreign_key(), new V5__Batch_ids_and_declared_formats(),
                        new V11__Customer_keys_compared_as_bytes(), new V12__Email_hashes_and_customer_list_records(),
                        new V13__Full_names(), new V14__Column_mappings(), new V15__Read_formats(), new V16__Import_claims(), new V19__A_table_per_customer_list(),
                        new V20__Custom_plans_only_for_customer_queries())
                .load()
                .migrate();
    }
}
