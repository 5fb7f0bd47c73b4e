package com.bulkupload.infrastructure.persistence.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The fence of an import (docs/design.md, "Cluster"): {@code import_claim} numbers each claim of
 * a request's import, and only the current claim's writes commit; {@code result_claim} is the claim
 * whose result file holds the committed result lines (each claim writes a file of its own, so a
 * frozen node that wakes up cannot touch the one that is read). Constant defaults: PostgreSQL adds
 * both without rewriting the table. 0 is every request of the release before, whose result file
 * keeps its name.
 */
public class V16__Import_claims extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE upload_request ADD COLUMN import_claim INTEGER DEFAULT 0 NOT NULL");
            statement.execute("ALTER TABLE upload_request ADD COLUMN result_claim INTEGER DEFAULT 0 NOT NULL");
        }
    }
}
