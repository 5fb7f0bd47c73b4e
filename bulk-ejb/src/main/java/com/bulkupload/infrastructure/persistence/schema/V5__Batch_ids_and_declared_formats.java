package com.bulkupload.infrastructure.persistence.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Every upload request gets a {@code batch_id}: a positive integer unique on the server, whatever
 * protocol opened the request (CONTRACT §9: Marketo's clients know a batch by it). New ones come
 * from {@code upload_batch_seq}, so an id is never given twice, even after its request is purged.
 * Requests made before this migration are numbered in the order they were created and the
 * sequence starts after them. In Java because the sequence's start is only known here, and H2
 * and PostgreSQL name "the next value" differently.
 * <p>
 * Also {@code declared_format}: the text format a client declared for its file (Marketo's
 * {@code format=csv|tsv|ssv}), which wins over the file's name; null when it declared none.
 */
public class V5__Batch_ids_and_declared_formats extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE upload_request ADD COLUMN batch_id BIGINT");
            statement.execute("ALTER TABLE upload_request ADD COLUMN declared_format VARCHAR(8)");
            statement.execute("UPDATE upload_request r SET batch_id = (SELECT COUNT(*) FROM upload_request o"
                    + " WHERE o.created_at < r.created_at OR (o.created_at = r.created_at AND o.request_id <= r.request_id))");
            long last;
            try (ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(batch_id), 0) FROM upload_request")) {
                rs.next();
                last = rs.getLong(1);
            }
            statement.execute("CREATE SEQUENCE upload_batch_seq START WITH " + (last + 1) + " INCREMENT BY 1");
            statement.execute("ALTER TABLE upload_request ALTER COLUMN batch_id SET NOT NULL");
            statement.execute("CREATE UNIQUE INDEX upload_request_batch_idx ON upload_request (batch_id)");
        }
    }
}
