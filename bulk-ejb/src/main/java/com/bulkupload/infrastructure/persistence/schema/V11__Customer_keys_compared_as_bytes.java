package com.bulkupload.infrastructure.persistence.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, the customer columns that are looked up by exact value (the lookup keys and the
 * partition) compare byte by byte ({@code COLLATE "C"}) instead of by the database's locale. Their
 * indexes are only ever probed for equality, and a locale's comparison (glibc's {@code strcoll},
 * even for {@code C.UTF-8}) is what most of their maintenance cost was: a COPY of 1M customers
 * into the table with its five indexes took 10.2 s, 7.9 s with these columns in "C"
 * (docs/performance-profile.md). Equality is the same either way, so no lookup changes its answer;
 * only an ORDER BY on these columns now sorts by code point. The change rebuilds the columns'
 * indexes (not the table). H2 already compares strings by code point: nothing to do there.
 */
public class V11__Customer_keys_compared_as_bytes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE customer"
                    + " ALTER COLUMN partition_name TYPE VARCHAR(255) COLLATE \"C\","
                    + " ALTER COLUMN email TYPE VARCHAR(254) COLLATE \"C\","
                    + " ALTER COLUMN phone TYPE VARCHAR(32) COLLATE \"C\","
                    + " ALTER COLUMN external_id TYPE VARCHAR(64) COLLATE \"C\"");
        }
    }
}
