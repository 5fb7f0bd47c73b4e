package com.bulkupload.infrastructure.persistence.jpa;

import com.bulkupload.domain.model.customer.CustomerChanges;
import com.bulkupload.domain.model.customer.CustomerField;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * PostgreSQL's faster forms of the import's statements: keys and ids passed as one array each
 * ({@code = any(?)}, {@code unnest}), and new customers streamed in with binary {@code COPY ... FROM STDIN}
 * — all on the connection (and so in the transaction) JPA gave the caller — straight into the
 * list's own table ({@code customer_p<list id>}, a partition of {@code customer}: V19), which is
 * also where a list's first load is built bare and indexed once.
 */
final class PostgresCustomerStatements extends CustomerStatements {

    @Override
    Map<String, Long> findIds(Connection connection, Long listId, String partition, String column, Collection<String> keys)
            throws SQLException {
        Map<String, Long> found = new HashMap<>();
        boolean ids = "id".equals(column);
        // the list's own table, so no list predicate, and no ORDER BY (the oldest is kept here):
        // nothing leads the planner to the (list, id) key. With "customer_list_id = ?" and
        // statistics that did not yet know the list is large, it took that index to return rows
        // in id order and read the whole list for every chunk: one lookup at 100 % CPU for seconds
        // on a 7M-row table. By id, the primary key.
        String sql = "select id, " + column + " from " + table(connection, listId) + " where "
                + (ids ? "customer_list_id = " + listId + " and id = any(?)" : "partition_name = ? and " + column + " = any(?)");
        readByIndex(connection, listId);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int i = 1;
            if (!ids) {
                ps.setString(i++, partition);
            }
            ps.setArray(i, ids
                    ? connection.createArrayOf("bigint", keys.stream().map(Long::valueOf).toArray())
                    : connection.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.merge(rs.getString(2), rs.getLong(1), Math::min);
                }
            }
        }
        return found;
    }

    /**
     * Readies the chunk's statements on the list's table: the table has statistics, and every
     * statement of the chunk's transaction from here on reads it through an index.
     * <p>
     * A table that was never analyzed is planned from its pages and the width its columns could
     * have (here about 4,400 bytes a row: two rows a page), so a list's table being filled looked
     * a hundred times smaller than it was: 1,200 rows for 200,000. Joined to a chunk's 5,000
     * updates the planner then read the whole table once per update, and the crash test's Replace
     * of 200,000 customers spent minutes on one chunk's UPDATE. So a table with rows and no
     * statistics is analyzed once (at its second chunk: 5,000 rows, some 20 ms); from then on
     * PostgreSQL scales what it learned to the table's current size, and autovacuum and the
     * importer (after a big import) refresh it.
     * <p>
     * Every statement here finds rows by a key or an id, for which an index is right at any size,
     * so sequential scans are off as well: the lookups stay on the key's index even when the
     * statistics lag the table. SET LOCAL: the pooled connection gets its settings back at commit.
     */
    private void readByIndex(Connection connection, Long listId) throws SQLException {
        if (!analyzed.contains(listId)) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "select c.reltuples >= 0, pg_relation_size(c.oid) > 0 from pg_class c where c.oid = to_regclass(?)")) {
                ps.setString(1, tableOf(listId));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        if (!rs.getBoolean(1) && rs.getBoolean(2)) {
                            try (Statement statement = connection.createStatement()) {
                                statement.execute("analyze (skip_locked) " + tableOf(listId));
                            }
                            analyzed.add(listId);
                        } else if (rs.getBoolean(1)) {
                            analyzed.add(listId);
                        }
                    }
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local enable_seqscan = off");
        }
    }

    /** The lists whose table has statistics: once analyzed, a table keeps them (refreshed, never dropped). */
    private final Set<Long> analyzed = ConcurrentHashMap.newKeySet();

    @Override
    Map<String, Long> confirmIds(Connection connection, Long listId, String column, Map<String, Long> candidates) throws SQLException {
        readByIndex(connection, listId);
        Map<Long, String> keysById = new HashMap<>();
        String sql = "select id, " + column + " from " + table(connection, listId) + " where customer_list_id = " + listId
                + " and id = any(?)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, connection.createArrayOf("bigint", candidates.values().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keysById.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        Map<String, Long> confirmed = new HashMap<>();
        candidates.forEach((key, id) -> {
            if (key.equals(keysById.get(id))) {
                confirmed.put(key, id);
            }
        });
        return confirmed;
    }

    /** The lists known to have a table (a list's table is never dropped, so this only grows). */
    private final Set<Long> tables = ConcurrentHashMap.newKeySet();

    /**
     * The table of the list's customers, made a partition of {@code customer} if the list has
     * none yet. The attach holds a lock on {@code customer} until the caller's transaction ends
     * that only other attaches and schema changes wait for, not reads or writes of customers.
     */
    private String table(Connection connection, Long listId) throws SQLException {
        String table = tableOf(listId);
        if (!tables.contains(listId)) {
            if (!exists(connection, table)) {
                try (Statement statement = connection.createStatement()) {
                    create(statement, listId);
                    statement.execute("alter table customer attach partition " + table + " for values in (" + listId + ")");
                }
            }
            tables.add(listId);
        }
        return table;
    }

    /** The name of a list's table: the list's id is a number, so the name needs no quoting. */
    static String tableOf(long listId) {
        return "customer_p" + listId;
    }

    /**
     * A bare table for the list's customers: {@code customer}'s columns, its primary key (ids
     * rise, so it grows at its right edge), and the check that it holds this list only, which
     * lets the attach skip reading it. The lookup indexes come with the attach.
     */
    private static void create(Statement statement, long listId) throws SQLException {
        String table = tableOf(listId);
        statement.execute("create table " + table + " (like customer including defaults)");
        statement.execute("alter table " + table + " add constraint " + table + "_pkey primary key (customer_list_id, id)");
        statement.execute("alter table " + table + " add constraint " + table + "_list check (customer_list_id = " + listId + ")");
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select to_regclass(?) is not null")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Whether the list's table exists and is not (yet) a partition of {@code customer}. */
    private static boolean detached(Connection connection, long listId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "select not exists (select 1 from pg_inherits where inhrelid = c) from to_regclass(?) as c where c is not null")) {
            ps.setString(1, tableOf(listId));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    @Override
    boolean beginFirstLoad(Connection connection, Long listId) throws SQLException {
        if (tables.contains(listId) || exists(connection, tableOf(listId))) {
            return false;
        }
        try (Statement statement = connection.createStatement()) {
            create(statement, listId);
        }
        tables.add(listId);
        return true;
    }

    @Override
    String unfinishedFirstLoad(Connection connection, Long listId) throws SQLException {
        if (!detached(connection, listId)) {
            return null;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select updated_by_request from " + tableOf(listId) + " limit 1")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    /**
     * Memory for each index the database builds: sorting a million keys in PostgreSQL's default
     * 64 MB spills to disk. An import builds its list's three lookup indexes at once, so up to
     * three times this for the few seconds they take.
     */
    static final String INDEX_BUILD_MEMORY = "256MB";

    /**
     * The lookup index on the column as the attach would build it (the column, then the partition
     * name, as {@code customer}'s since V19): the attach takes an equal index a table has instead
     * of building one.
     */
    @Override
    void indexFirstLoad(Connection connection, Long listId, String column) throws SQLException {
        String table = tableOf(listId);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local maintenance_work_mem = '" + INDEX_BUILD_MEMORY + "'");
            // the three builds at once already keep three cores busy; each with PostgreSQL's two
            // parallel workers made nine processes (on two cores: 2.0-2.1 s against 1.8-2.0 s for 1M rows)
            statement.execute("set local max_parallel_maintenance_workers = 0");
            statement.execute("create index if not exists " + table + "_" + column + "_idx on " + table + " (" + column + ", partition_name)");
        }
    }

    /** The tables named as a list's in the schema of {@code customer} that are not its partitions. */
    @Override
    List<Long> listsWithUnfinishedFirstLoads(Connection connection) throws SQLException {
        List<Long> lists = new java.util.ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select substr(c.relname, 11)::bigint from pg_class c"
                     + " where c.relnamespace = (select relnamespace from pg_class where oid = 'customer'::regclass)"
                     + " and c.relkind = 'r' and c.relname ~ '^customer_p[0-9]+$'"
                     + " and not exists (select 1 from pg_inherits i where i.inhrelid = c.oid) order by 1")) {
            while (rs.next()) {
                lists.add(rs.getLong(1));
            }
        }
        return lists;
    }

    @Override
    void finishFirstLoad(Connection connection, Long listId) throws SQLException {
        if (!detached(connection, listId)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local maintenance_work_mem = '" + INDEX_BUILD_MEMORY + "'");
            statement.execute("alter table customer attach partition " + tableOf(listId) + " for values in (" + listId + ")");
        }
    }

    /**
     * ANALYZE of the list's table, skipped if another session is analyzing it already. Without
     * it, on a PostgreSQL whose autovacuum is off or behind (its threshold is 10 % of the table),
     * a table filled by imports kept the planner's first estimate (a few rows), and the lookup of
     * 20,000 emails in a list of 3M read the phone index end to end: 2.5 s instead of 60 ms per
     * chunk (docs/performance-profile.md). A 0.5 s sample of 30,000 rows, whatever the list's size.
     */
    @Override
    void refreshStatistics(Connection connection, Long listId) throws SQLException {
        if (!tables.contains(listId) && !exists(connection, tableOf(listId))) {
            return; // nothing was ever written into the list (a bulk file writes into the lists it names)
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("analyze (skip_locked) " + tableOf(listId));
        }
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
    void delete(Connection connection, Long listId, List<Long> ids) throws SQLException {
        readByIndex(connection, listId);
        try (PreparedStatement ps = connection.prepareStatement("delete from " + table(connection, listId) + " where customer_list_id = "
                + listId + " and id = any(?)")) {
            ps.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            ps.executeUpdate();
        }
    }

    /** COPY's binary file header: signature, flags, header extension length (PostgreSQL docs, "COPY", "Binary Format"). */
    private static final byte[] BINARY_COPY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};

    /** {@code timestamptz} in binary COPY: microseconds since 2000-01-01T00:00Z. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    /**
     * New customers in COPY's binary format: the server takes each value as it is (no CSV parsing,
     * no quoting, timestamps as one number), which took a COPY of 1M customers from 8.3 s to 7.3 s
     * (docs/performance-profile.md). Texts go as UTF-8, the connection's encoding; NUL, the one
     * character PostgreSQL text cannot hold, never gets this far (the file reader refuses it).
     */
    @Override
    void insert(Connection connection, CustomerChanges.NetChanges changes) throws SQLException {
        int fields = 3 + FIELDS.size() + 4;
        long now = ChronoUnit.MICROS.between(Instant.ofEpochSecond(POSTGRES_EPOCH_SECONDS), changes.now());
        byte[] partition = changes.partition().getBytes(StandardCharsets.UTF_8);
        byte[] requestId = changes.requestId().getBytes(StandardCharsets.UTF_8);
        byte[] clientId = changes.clientId().getBytes(StandardCharsets.UTF_8);
        String sql = "copy " + table(connection, changes.listId()) + " (" + INSERT_COLUMNS + ") from stdin with (format binary)";
        try (PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16)) {
            BinaryCopyRows out = new BinaryCopyRows(copy);
            for (CustomerChanges.Row row : changes.inserts()) {
                out.fieldCount(fields);
                out.int64(row.id());
                out.int64(changes.listId());
                out.bytes(partition);
                for (CustomerField field : FIELDS) {
                    String value = value(row, field);
                    if (value == null) {
                        out.nullValue();
                    } else {
                        out.bytes(value.getBytes(StandardCharsets.UTF_8));
                    }
                }
                out.int64(now);
                out.int64(now);
                out.bytes(requestId);
                out.bytes(clientId);
            }
            out.end();
        } catch (IOException e) {
            throw new SQLException("COPY into the list's customers failed", e);
        }
    }

    /**
     * Rows in COPY's binary format (PostgreSQL docs, "COPY", "Binary Format"), encoded into a
     * block that goes to the COPY stream when full. A DataOutputStream over a BufferedOutputStream
     * did the same with a lock taken for every byte of every length word (JDK 17's
     * BufferedOutputStream is synchronized): a quarter of the chunk writer's JFR samples.
     */
    private static final class BinaryCopyRows {
        private final OutputStream out;
        private final ByteBuffer block = ByteBuffer.allocate(1 << 16); // big-endian, as COPY wants

        BinaryCopyRows(OutputStream out) throws IOException {
            this.out = out;
            block.put(BINARY_COPY_HEADER);
        }

        void fieldCount(int fields) throws IOException {
            room(2);
            block.putShort((short) fields);
        }

        void int64(long value) throws IOException {
            room(12);
            block.putInt(8).putLong(value);
        }

        void nullValue() throws IOException {
            room(4);
            block.putInt(-1);
        }

        void bytes(byte[] value) throws IOException {
            room(4);
            block.putInt(value.length);
            if (value.length > block.remaining()) {
                drain();
                if (value.length > block.capacity()) {
                    out.write(value);
                    return;
                }
            }
            block.put(value);
        }

        /** The trailer, and everything still in the block. */
        void end() throws IOException {
            room(2);
            block.putShort((short) -1);
            drain();
        }

        private void room(int bytes) throws IOException {
            if (block.remaining() < bytes) {
                drain();
            }
        }

        private void drain() throws IOException {
            out.write(block.array(), 0, block.position());
            block.clear();
        }
    }

    /**
     * The updates join the chunk's rows to customer by id. With chunks of thousands of rows and
     * table statistics that lag the table (autovacuum off, or not yet run after a big load), the
     * planner chose a hash join over a sequential scan of the whole table for every chunk: 3M
     * updates into a list of 3M took 58 s of UPDATE, a 1.6 s scan per chunk of 20,000
     * (auto_explain). Index lookups by primary key are right for any chunk size, so hash and merge
     * joins, and sequential scans ({@link #readByIndex}), are off for the rest of this chunk's
     * transaction (SET LOCAL: the pooled connection gets its settings back at commit); nothing
     * that follows in it joins (the COPY of new customers, the request's own row).
     */
    @Override
    void update(Connection connection, CustomerChanges.NetChanges changes) throws SQLException {
        readByIndex(connection, changes.listId());
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local enable_hashjoin = off");
            statement.execute("set local enable_mergejoin = off");
        }
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
            String sql = "update " + table(connection, changes.listId()) + " c set " + set
                    + "updated_at = ?, updated_by_request = ?, updated_by_client = ? from unnest(" + arrays + ") as u("
                    + names + ") where c.customer_list_id = " + changes.listId() + " and c.id = u.id";
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
