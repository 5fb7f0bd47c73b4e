package com.bulkupload.infrastructure.persistence.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A customer's full name as one column ({@code 姓名}, {@code Full Name}, CONTRACT §5), kept as
 * written. A nullable column without a default: PostgreSQL and H2 add it without rewriting the
 * table, whatever its size.
 */
public class V13__Full_names extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE customer ADD COLUMN full_name VARCHAR(255)");
        }
    }
}
