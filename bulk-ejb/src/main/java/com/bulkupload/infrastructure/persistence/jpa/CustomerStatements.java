package com.bulkupload.infrastructure.persistence.jpa;

import com.bulkupload.domain.model.customer.CustomerChanges;
import com.bulkupload.domain.model.customer.CustomerField;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the import's hot path, on the JDBC connection of the caller's JPA transaction: lookups
 * of many keys at once, ids from the customer sequence a block at a time, and the chunk's inserts,
 * updates and deletes as JDBC batches. This portable form serves H2; {@link PostgresCustomerStatements}
 * replaces the parts PostgreSQL does faster (arrays, COPY).
 */
class CustomerStatements {

    /** The sequence's INCREMENT BY: each value it gives stands for the block of ids ending there (Hibernate's "pooled"). */
    static final int ID_BLOCK = 50;
    static final int BATCH = 1000;

    static final Map<CustomerField, String> COLUMNS = new EnumMap<>(Map.of(
            CustomerField.Email, "email",
            CustomerField.Phone, "phone",
            CustomerField.ExternalId, "external_id",
            CustomerField.FirstName, "first_name",
            CustomerField.LastName, "last_name",
            CustomerField.Company, "company",
            CustomerField.Country, "country",
            CustomerField.City, "city",
            CustomerField.EmailSha256, "email_sha256",
            CustomerField.FullName, "full_name"));

    /** {@link CustomerField#values()} once: the method clones its array at every call, and the inserts call it for every row. */
    static final List<CustomerField> FIELDS = List.of(CustomerField.values());

    /** The customer fields in the order of {@link CustomerField#values()}, between the list's columns and the stamps. */
    static final String INSERT_COLUMNS = "id, customer_list_id, partition_name, email, phone, external_id, first_name,"
            + " last_name, company, country, city, email_sha256, full_name, created_at, updated_at, updated_by_request, updated_by_client";

    /** Ids of the customers whose {@code column} holds one of the keys; the oldest wins. */
    Map<String, Long> findIds(Connection connection, Long listId, String partition, String column, Collection<String> keys)
            throws SQLException {
        Map<String, Long> found = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<String> slice = all.subList(from, Math.min(all.size(), from + BATCH));
            String sql = "select id, " + column + " from customer where customer_list_id = ? and partition_name = ? and "
                    + column + " in (" + "?,".repeat(slice.size() - 1) + "?) order by id";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setLong(1, listId);
                ps.setString(2, partition);
                int i = 3;
                for (String key : slice) {
                    if ("id".equals(column)) {
                        ps.setLong(i++, Long.parseLong(key));
                    } else {
                        ps.setString(i++, key);
                    }
                }
                collect(ps, found);
            }
        }
        return found;
    }

    static void collect(PreparedStatement ps, Map<String, Long> found) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.putIfAbsent(rs.getString(2), rs.getLong(1));
            }
        }
    }

    /** One sequence value per block of {@link #ID_BLOCK} ids. */
    long[] nextSequenceValues(Connection connection, int blocks) throws SQLException {
        long[] values = new long[blocks];
        try (PreparedStatement ps = connection.prepareStatement("select next value for customer_seq")) {
            for (int i = 0; i < blocks; i++) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    values[i] = rs.getLong(1);
                }
            }
        }
        return values;
    }

    /**
     * Brings the planner's statistics of the list's customers up to date after a big import.
     * Nothing on H2, whose lookups by the leading column of an index need none.
     */
    void refreshStatistics(Connection connection, Long listId) throws SQLException {
    }

    /**
     * Of the candidate ids by key, those whose customer in the list still holds that key in
     * {@code column}: what a first load's own record of its keys says, checked ({@code ImportedKeys}).
     */
    Map<String, Long> confirmIds(Connection connection, Long listId, String column, Map<String, Long> candidates) throws SQLException {
        Map<String, Long> confirmed = new HashMap<>();
        List<Map.Entry<String, Long>> all = new ArrayList<>(candidates.entrySet());
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Map.Entry<String, Long>> slice = all.subList(from, Math.min(all.size(), from + BATCH));
            String sql = "select id, " + column + " from customer where customer_list_id = ? and id in ("
                    + "?,".repeat(slice.size() - 1) + "?)";
            Map<Long, String> keysById = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setLong(1, listId);
                int i = 2;
                for (Map.Entry<String, Long> candidate : slice) {
                    ps.setLong(i++, candidate.getValue());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keysById.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            for (Map.Entry<String, Long> candidate : slice) {
                if (candidate.getKey().equals(keysById.get(candidate.getValue()))) {
                    confirmed.put(candidate.getKey(), candidate.getValue());
                }
            }
        }
        return confirmed;
    }

    /**
     * Starts a list's first load in a table of the list's own, bare and apart from the lists that
     * are read (docs/design.md, "A table per list"); false where lists share one table (H2) or the
     * list has its table already.
     */
    boolean beginFirstLoad(Connection connection, Long listId) throws SQLException {
        return false;
    }

    /** The request whose first load of the list is not yet part of the lists that are read ("" if it wrote nothing); null if none. */
    String unfinishedFirstLoad(Connection connection, Long listId) throws SQLException {
        return null;
    }

    /** Gives an unfinished first load's table its lookup index on this column, as the attach would build it. */
    void indexFirstLoad(Connection connection, Long listId, String column) throws SQLException {
    }

    /** Builds the rest of a first load's indexes and makes it part of the lists that are read. */
    void finishFirstLoad(Connection connection, Long listId) throws SQLException {
    }

    /** The lists with an unfinished first load. */
    List<Long> listsWithUnfinishedFirstLoads(Connection connection) throws SQLException {
        return List.of();
    }

    final long[] allocateIds(Connection connection, int count) throws SQLException {
        long[] ids = new long[count];
        int n = 0;
        for (long hi : nextSequenceValues(connection, (count + ID_BLOCK - 1) / ID_BLOCK + 1)) {
            for (long id = Math.max(1, hi - ID_BLOCK + 1); id <= hi && n < count; id++) {
                ids[n++] = id;
            }
        }
        if (n < count) {
            throw new IllegalStateException("The customer sequence gave too few ids");
        }
        return ids;
    }

    void delete(Connection connection, Long listId, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("delete from customer where id = ?")) {
            int pending = 0;
            for (Long id : ids) {
                ps.setLong(1, id);
                pending = added(ps, pending);
            }
            sendRest(ps, pending);
        }
    }

    void insert(Connection connection, CustomerChanges.NetChanges changes) throws SQLException {
        String sql = "insert into customer (" + INSERT_COLUMNS + ") values (" + "?,".repeat(3 + FIELDS.size() + 3) + "?)";
        OffsetDateTime now = OffsetDateTime.ofInstant(changes.now(), ZoneOffset.UTC);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int pending = 0;
            for (CustomerChanges.Row row : changes.inserts()) {
                int i = 1;
                ps.setLong(i++, row.id());
                ps.setLong(i++, changes.listId());
                ps.setString(i++, changes.partition());
                for (CustomerField field : FIELDS) {
                    ps.setString(i++, value(row, field));
                }
                ps.setObject(i++, now);
                ps.setObject(i++, now);
                ps.setString(i++, changes.requestId());
                ps.setString(i, changes.clientId());
                pending = added(ps, pending);
            }
            sendRest(ps, pending);
        }
    }

    void update(Connection connection, CustomerChanges.NetChanges changes) throws SQLException {
        OffsetDateTime now = OffsetDateTime.ofInstant(changes.now(), ZoneOffset.UTC);
        for (Map.Entry<List<CustomerField>, List<CustomerChanges.Row>> group : byColumns(changes.updates()).entrySet()) {
            StringBuilder sql = new StringBuilder("update customer set ");
            for (CustomerField field : group.getKey()) {
                sql.append(COLUMNS.get(field)).append(" = ?, ");
            }
            sql.append("updated_at = ?, updated_by_request = ?, updated_by_client = ? where id = ?");
            try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
                int pending = 0;
                for (CustomerChanges.Row row : group.getValue()) {
                    int i = 1;
                    for (CustomerField field : group.getKey()) {
                        ps.setString(i++, value(row, field));
                    }
                    ps.setObject(i++, now);
                    ps.setString(i++, changes.requestId());
                    ps.setString(i++, changes.clientId());
                    ps.setLong(i, row.id());
                    pending = added(ps, pending);
                }
                sendRest(ps, pending);
            }
        }
    }

    /** Adds the statement's parameters to its batch, sending the batch every {@link #BATCH} rows; the rows now pending. */
    private static int added(PreparedStatement ps, int pending) throws SQLException {
        ps.addBatch();
        if (pending + 1 == BATCH) {
            ps.executeBatch();
            return 0;
        }
        return pending + 1;
    }

    private static void sendRest(PreparedStatement ps, int pending) throws SQLException {
        if (pending > 0) {
            ps.executeBatch();
        }
    }

    /** Updates grouped by the columns they set (one group for a whole file: every row has the file's columns). */
    static Map<List<CustomerField>, List<CustomerChanges.Row>> byColumns(List<CustomerChanges.Row> rows) {
        Map<List<CustomerField>, List<CustomerChanges.Row>> groups = new LinkedHashMap<>();
        for (CustomerChanges.Row row : rows) {
            groups.computeIfAbsent(List.copyOf(row.values().keySet()), k -> new ArrayList<>()).add(row);
        }
        return groups;
    }

    /** The value stored for a column: an empty value clears it. */
    static String value(CustomerChanges.Row row, CustomerField field) {
        String value = row.values().get(field);
        return value == null || value.isEmpty() ? null : value;
    }
}
