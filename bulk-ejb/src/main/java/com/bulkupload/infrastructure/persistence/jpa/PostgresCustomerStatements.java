package com.bulkupload.infrastructure.persistence.jpa;

import com.bulkupload.domain.model.customer.CustomerChanges;
import com.bulkupload.domain.model.customer.CustomerField;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * PostgreSQL's faster forms of the import's statements: keys and ids passed as one array each
 * ({@code = any(?)}, {@code unnest}), and new customers streamed in with {@code COPY ... FROM STDIN}
 * — all on the connection (and so in the transaction) JPA gave the caller.
 */
final class PostgresCustomerStatements extends CustomerStatements {

    @Override
    Map<String, Long> findIds(Connection connection, Long listId, String partition, String column, Collection<String> keys)
            throws SQLException {
        Map<String, Long> found = new HashMap<>();
        boolean ids = "id".equals(column);
        // "customer_list_id + 0" keeps the planner off the (list, id) paging index: with statistics
        // that do not yet know the list is large (a list filled by this very import), or with a
        // generic plan for the prepared statement, it chose that index and scanned the whole list
        // for every chunk (seen: one lookup at 100 % CPU for seconds on a 7M-row table). The key's
        // own index is always the right one for up to a few thousand keys.
        String sql = "select id, " + column + " from customer where customer_list_id + 0 = ? and partition_name = ? and "
                + column + " = any(?) order by id";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, listId);
            ps.setString(2, partition);
            ps.setArray(3, ids
                    ? connection.createArrayOf("bigint", keys.stream().map(Long::valueOf).toArray())
                    : connection.createArrayOf("text", keys.toArray()));
            collect(ps, found);
        }
        return found;
    }

    @Override
    long[] nextSequenceValues(Connection connection, int blocks) throws SQLException {
        long[] values = new long[blocks];
        try (PreparedStatement ps = connection.prepareStatement("select nextval('customer_seq') from generate_series(1, ?)")) {
            ps.setInt(1, blocks);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; i < blocks && rs.next(); i++) {
                    values[i] = rs.getLong(1);
                }
            }
        }
        return values;
    }

    @Override
    void delete(Connection connection, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("delete from customer where id = any(?)")) {
            ps.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            ps.executeUpdate();
        }
    }

    @Override
    void insert(Connection connection, CustomerChanges.NetChanges changes) throws SQLException {
        String now = changes.now().toString();
        String sql = "copy customer (" + INSERT_COLUMNS + ") from stdin with (format csv)";
        try (PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16);
             Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16)) {
            for (CustomerChanges.Row row : changes.inserts()) {
                out.write(Long.toString(row.id()));
                out.write(',');
                out.write(Long.toString(changes.listId()));
                out.write(',');
                quoted(out, changes.partition());
                for (CustomerField field : CustomerField.values()) {
                    out.write(',');
                    quoted(out, value(row, field));
                }
                out.write(',');
                out.write(now);
                out.write(',');
                out.write(now);
                out.write(',');
                quoted(out, changes.requestId());
                out.write(',');
                quoted(out, changes.clientId());
                out.write('\n');
            }
        } catch (IOException e) {
            throw new SQLException("COPY into customer failed", e);
        }
    }

    /** A CSV field for COPY: null stays an empty unquoted field, any text is quoted (so "" is an empty string). */
    private static void quoted(Writer out, String value) throws IOException {
        if (value == null) {
            return;
        }
        out.write('"');
        if (value.indexOf('"') < 0) {
            out.write(value);
        } else {
            out.write(value.replace("\"", "\"\""));
        }
        out.write('"');
    }

    @Override
    void update(Connection connection, CustomerChanges.NetChanges changes) throws SQLException {
        OffsetDateTime now = OffsetDateTime.ofInstant(changes.now(), ZoneOffset.UTC);
        for (Map.Entry<List<CustomerField>, List<CustomerChanges.Row>> group : byColumns(changes.updates()).entrySet()) {
            List<CustomerField> fields = group.getKey();
            List<CustomerChanges.Row> rows = group.getValue();
            StringBuilder set = new StringBuilder();
            StringBuilder arrays = new StringBuilder("?::bigint[]");
            StringBuilder names = new StringBuilder("id");
            for (CustomerField field : fields) {
                String column = COLUMNS.get(field);
                set.append(column).append(" = u.").append(column).append(", ");
                arrays.append(", ?::text[]");
                names.append(", ").append(column);
            }
            String sql = "update customer c set " + set
                    + "updated_at = ?, updated_by_request = ?, updated_by_client = ? from unnest(" + arrays + ") as u("
                    + names + ") where c.id = u.id";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                int i = 1;
                ps.setObject(i++, now);
                ps.setString(i++, changes.requestId());
                ps.setString(i++, changes.clientId());
                ps.setArray(i++, connection.createArrayOf("bigint", rows.stream().map(CustomerChanges.Row::id).toArray()));
                for (CustomerField field : fields) {
                    ps.setArray(i++, connection.createArrayOf("text", rows.stream().map(row -> value(row, field)).toArray()));
                }
                ps.executeUpdate();
            }
        }
    }
}
