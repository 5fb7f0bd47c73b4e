package com.bulkupload.infrastructure.persistence.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The delimited format an import read its file as (docs/columns.md: the delimiter is detected
 * from the header line): the failed-rows reports are written with it. A nullable column without
 * a default, added without rewriting the table; requests imported before it keep null and are
 * reported by their file's name, as they were.
 */
public class V15__Read_formats extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE upload_request ADD COLUMN read_format VARCHAR(8)");
        }
    }
}
