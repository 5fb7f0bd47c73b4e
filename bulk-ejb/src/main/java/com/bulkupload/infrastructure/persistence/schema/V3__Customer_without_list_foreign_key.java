package com.bulkupload.infrastructure.persistence.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign key from {@code customer} to {@code customer_list}. PostgreSQL checks it once
 * per inserted row, and it made up a third of an import's time: COPY of 1,000,000 customers took
 * 27.7 s with it and 19.1 s without (bench/README.md). Nothing is lost: customers are written
 * only by imports, whose request names a list that was checked to belong to the caller's account,
 * and lists are never deleted. In Java because the key's generated name differs per database.
 */
public class V3__Customer_without_list_foreign_key extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> keys = new ArrayList<>();
        for (String table : List.of("customer", "CUSTOMER")) {
            try (ResultSet rs = connection.getMetaData().getImportedKeys(connection.getCatalog(), connection.getSchema(), table)) {
                while (rs.next()) {
                    if ("customer_list".equalsIgnoreCase(rs.getString("PKTABLE_NAME")) && !keys.contains(rs.getString("FK_NAME"))) {
                        keys.add(rs.getString("FK_NAME"));
                    }
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String key : keys) {
                statement.execute("ALTER TABLE customer DROP CONSTRAINT \"" + key + "\"");
            }
        }
    }
}
