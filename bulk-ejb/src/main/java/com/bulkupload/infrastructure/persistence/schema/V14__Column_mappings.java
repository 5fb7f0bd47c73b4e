package com.bulkupload.infrastructure.persistence.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Explicit column mappings (docs/columns.md): a request's own, and a list's default. Nullable
 * columns without a default: added without rewriting either table.
 */
public class V14__Column_mappings extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE upload_request ADD COLUMN column_mappings VARCHAR(8000)");
            statement.execute("ALTER TABLE customer_list ADD COLUMN column_mappings VARCHAR(8000)");
        }
    }
}
