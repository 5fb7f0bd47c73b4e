package com.bulkupload.domain.model.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bulkupload.domain.model.customer.CustomerChanges.Change;
import com.bulkupload.domain.model.customer.CustomerChanges.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CustomerChangesTest {

    private final AtomicLong ids = new AtomicLong(100);

    private CustomerChanges changes(Map<String, Long> existing) {
        return new CustomerChanges(1L, "p", "req", "client", Instant.EPOCH, existing, ids::incrementAndGet);
    }

    private static Map<CustomerField, String> name(String first) {
        return Map.of(CustomerField.FirstName, first);
    }

    @Test
    void insertThenUpdateOfANewKeyIsOneInsertWithTheLaterValues() {
        CustomerChanges changes = changes(Map.of());
        assertEquals(new Change(Kind.Inserted, 101L), changes.upsert("a", name("Ann"), true));
        assertEquals(new Change(Kind.Updated, 101L), changes.upsert("a", name("Anna"), true));
        CustomerChanges.NetChanges net = changes.net();
        assertEquals(List.of(new CustomerChanges.Row(101, name("Anna"))), net.inserts());
        assertEquals(List.of(), net.updates());
        assertEquals(List.of(), net.deletes());
    }

    @Test
    void insertThenDeleteLeavesNothingToWrite() {
        CustomerChanges changes = changes(Map.of());
        changes.upsert("a", name("Ann"), true);
        assertEquals(new Change(Kind.Deleted, 101L), changes.delete("a"));
        assertEquals(new Change(Kind.NotFound, null), changes.delete("a"));
        assertEquals(true, changes.net().isEmpty());
    }

    @Test
    void existingCustomerUpdatedTwiceIsOneUpdateMergingTheColumns() {
        CustomerChanges changes = changes(Map.of("a", 7L));
        assertEquals(new Change(Kind.Updated, 7L), changes.upsert("a", name("Ann"), true));
        assertEquals(new Change(Kind.Updated, 7L), changes.upsert("a", Map.of(CustomerField.City, "Oslo"), true));
        assertEquals(List.of(new CustomerChanges.Row(7, Map.of(CustomerField.FirstName, "Ann", CustomerField.City, "Oslo"))),
                changes.net().updates());
    }

    @Test
    void existingCustomerDeletedAndUpsertedAgainIsADeleteAndAnInsertUnderANewId() {
        CustomerChanges changes = changes(Map.of("a", 7L));
        changes.upsert("a", name("Ann"), true);
        assertEquals(new Change(Kind.Deleted, 7L), changes.delete("a"));
        assertEquals(new Change(Kind.Inserted, 101L), changes.upsert("a", name("Bo"), true));
        CustomerChanges.NetChanges net = changes.net();
        assertEquals(List.of(7L), net.deletes());
        assertEquals(List.of(new CustomerChanges.Row(101, name("Bo"))), net.inserts());
        assertEquals(List.of(), net.updates());
    }

    @Test
    void updateOnlyLookupNeverInserts() {
        CustomerChanges changes = changes(Map.of("7", 7L));
        assertEquals(new Change(Kind.NotFound, null), changes.upsert("8", name("Ann"), false));
        assertEquals(new Change(Kind.Updated, 7L), changes.upsert("7", name("Ann"), false));
        assertEquals(100, ids.get(), "no id drawn");
    }
}
