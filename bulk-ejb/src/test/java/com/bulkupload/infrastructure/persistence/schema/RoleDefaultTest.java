package com.bulkupload.infrastructure.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.application.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** On the real PostgreSQL: a role default the database refuses warns, and the migration's transaction goes on. */
class RoleDefaultTest {

    @Test
    void aRefusedRoleDefaultWarnsAndLeavesTheMigrationsTransactionUsable() throws SQLException {
        Logger log = Logger.getAnonymousLogger();
        log.setUseParentHandlers(false);
        List<String> warnings = new ArrayList<>();
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        try (Connection connection = TestDatabase.postgres().getConnection()) {
            connection.setAutoCommit(false);
            // a parameter that does not exist is refused to every role, superusers too
            RoleDefault.change(connection, "SET bulk_no_such_parameter_ = 1", log, "refused (%s); set it by hand");
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT 42")) {
                rs.next();
                assertEquals(42, rs.getInt(1), "the transaction was not aborted by the refusal");
            }
            connection.rollback();
        }
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("refused (ERROR:") && warnings.get(0).endsWith("); set it by hand"), warnings.get(0));
    }
}
