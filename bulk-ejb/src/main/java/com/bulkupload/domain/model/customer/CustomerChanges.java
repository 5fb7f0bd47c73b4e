package com.bulkupload.domain.model.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The changes a chunk of rows makes to one list partition, applied row by row in file order and
 * kept as their net effect per key: a key inserted and then updated in the same chunk is one
 * insert with the later values; inserted and then deleted, nothing; an existing customer updated
 * twice, one update. The repository writes the net effect in a few set-based statements, while
 * each row still gets its own outcome (the id it created, updated or deleted) as if the rows had
 * been written one at a time.
 */
public final class CustomerChanges {

    private final Long listId;
    private final String partition;
    private final String requestId;
    private final String clientId;
    private final Instant now;
    private final Map<String, Long> existing;
    private final LongSupplier newIds;
    private final Map<String, KeyState> keys = new LinkedHashMap<>();

    /**
     * @param existing the id of the customer each key already has in the database, by key
     * @param newIds   hands out an unused customer id for each insert
     */
    public CustomerChanges(Long listId, String partition, String requestId, String clientId, Instant now,
                           Map<String, Long> existing, LongSupplier newIds) {
        this.listId = listId;
        this.partition = partition;
        this.requestId = requestId;
        this.clientId = clientId;
        this.now = now;
        this.existing = existing;
        this.newIds = newIds;
    }

    /** The outcome of one row: what it did and to which customer. */
    public record Change(Kind kind, Long customerId) {
    }

    public enum Kind {
        Inserted, Updated, Deleted, NotFound
    }

    /** The id the key stands for at this point of the chunk, or null. */
    public Long current(String key) {
        return state(key).currentId;
    }

    /** Updates the customer with this key, or inserts one if {@code insertIfMissing}. */
    public Change upsert(String key, Map<CustomerField, String> values, boolean insertIfMissing) {
        KeyState state = state(key);
        if (state.currentId == null) {
            if (!insertIfMissing) {
                return new Change(Kind.NotFound, null);
            }
            state.currentId = newIds.getAsLong();
            state.inserted = true;
            state.values = new EnumMap<>(values);
            return new Change(Kind.Inserted, state.currentId);
        }
        if (state.values == null) {
            state.values = new EnumMap<>(CustomerField.class);
        }
        state.values.putAll(values);
        return new Change(Kind.Updated, state.currentId);
    }

    public Change delete(String key) {
        KeyState state = state(key);
        if (state.currentId == null) {
            return new Change(Kind.NotFound, null);
        }
        Long id = state.currentId;
        if (!state.inserted) {
            state.deletesExisting = true;
        }
        state.currentId = null;
        state.inserted = false;
        state.values = null;
        return new Change(Kind.Deleted, id);
    }

    private KeyState state(String key) {
        // not computeIfAbsent: its lambda would capture this and be allocated for every row
        KeyState state = keys.get(key);
        if (state == null) {
            state = new KeyState(existing.get(key));
            keys.put(key, state);
        }
        return state;
    }

    /** The net effect: customers to delete, to insert and to update, in the order first seen. */
    public NetChanges net() {
        List<Long> deletes = new ArrayList<>();
        List<Row> inserts = new ArrayList<>(keys.size());
        List<Row> updates = new ArrayList<>();
        for (KeyState state : keys.values()) {
            if (state.deletesExisting) {
                deletes.add(state.originalId);
            }
            if (state.currentId != null && state.values != null) {
                (state.inserted ? inserts : updates).add(new Row(state.currentId, state.values));
            }
        }
        return new NetChanges(listId, partition, requestId, clientId, now, deletes, inserts, updates);
    }

    /** A customer's id and the columns to set (a column not in the map keeps its value). */
    public record Row(long id, Map<CustomerField, String> values) {
    }

    /** What the repository writes for a chunk; inserts and updates stamp {@code now}, the request and client. */
    public record NetChanges(Long listId, String partition, String requestId, String clientId, Instant now,
                             List<Long> deletes, List<Row> inserts, List<Row> updates) {
        public boolean isEmpty() {
            return deletes.isEmpty() && inserts.isEmpty() && updates.isEmpty();
        }
    }

    private static final class KeyState {
        final Long originalId;
        Long currentId;
        boolean inserted;
        boolean deletesExisting;
        Map<CustomerField, String> values;

        KeyState(Long originalId) {
            this.originalId = originalId;
            this.currentId = originalId;
        }
    }
}
