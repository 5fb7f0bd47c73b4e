package com.bulkupload.infrastructure.persistence.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * A setting of the migrating role's own in this database (PostgreSQL's {@code ALTER ROLE
 * CURRENT_USER IN DATABASE}). An ordinary role may set its own defaults; where the server's role
 * may not, the upgrade goes on and the warning says what the operator should do
 * (docs/operations.md). The change runs in a savepoint, so a refusal does not abort the migration's
 * transaction.
 */
final class RoleDefault {

    private RoleDefault() {
    }

    /**
     * @param clause   what to do with the setting: {@code SET name = value} or {@code RESET name}
     * @param ifRefused the warning when the role may not, with {@code %s} for the database's reason
     */
    static void change(Connection connection, String clause, Logger log, String ifRefused) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            String database;
            try (ResultSet rs = statement.executeQuery("SELECT quote_ident(current_database())")) {
                rs.next();
                database = rs.getString(1);
            }
            Savepoint before = connection.setSavepoint();
            try {
                statement.execute("ALTER ROLE CURRENT_USER IN DATABASE " + database + " " + clause);
                connection.releaseSavepoint(before);
            } catch (SQLException e) {
                connection.rollback(before);
                log.warning(ifRefused.formatted(e.getMessage()));
            }
        }
    }
}
