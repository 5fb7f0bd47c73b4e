package com.bulkupload.domain.model.customer;

import java.util.Collection;
import java.util.List;
import java.util.Map;

public interface CustomerRepository {

    /**
     * The ids of the customers of the list and partition whose lookup column holds one of the keys,
     * by key (the oldest customer when several hold it).
     */
    Map<String, Long> findIdsByKeys(Long listId, String partition, LookupField field, Collection<String> keys);

    /** Whether the list holds no customer at all, in any partition. */
    boolean isEmpty(Long listId);

    /** After many customers changed: lets the database plan its lookups for the table's new size. */
    void refreshStatistics();

    /** Deletes the list's customers (every partition) that the request did not write last; how many. */
    int deleteNotWrittenBy(Long listId, String requestId);

    /** {@code count} ids no customer has, nor will be given by anyone else. */
    long[] allocateIds(int count);

    /** Writes a chunk's net changes in the caller's transaction, set-based (never row by row). */
    void apply(CustomerChanges.NetChanges changes);

    /** One page of a list in id order, after the given id, with optional exact-match filters. */
    List<Customer> page(Long listId, CustomerFilter filter, long afterId, int size);

    /** How many customers each of the lists holds (lists without any are left out). */
    Map<Long, Long> countByList(Collection<Long> listIds);

    /** Exact values to match, any of them null; {@code emailSha256} finds a customer by e-mail ({@link EmailHashes}). */
    record CustomerFilter(String emailSha256, String phone, String externalId, String partition) {
    }
}
