package com.bulkupload.domain.model.customer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface CustomerRepository {

    /**
     * The ids of the customers of the list and partition whose lookup column holds one of the keys,
     * by key (the oldest customer when several hold it).
     */
    Map<String, Long> findIdsByKeys(Long listId, String partition, LookupField field, Collection<String> keys);

    /** Whether the list holds no customer at all, in any partition. */
    boolean isEmpty(Long listId);

    /** After many of the list's customers changed: lets the database plan its lookups for the list's new size. */
    void refreshStatistics(Long listId);

    /**
     * Of candidate customer ids by key, those whose customer in the list holds that key in the
     * lookup column (a first load's own record of what it wrote, checked against the database).
     */
    Map<String, Long> confirmIds(Long listId, LookupField field, Map<String, Long> candidates);

    /**
     * Starts the first load of an empty list where its customers are kept apart until the load
     * finishes: written without the lookup indexes, which are then built once, and not read by
     * anyone meanwhile (docs/design.md, "A table per list"). False where the database does not
     * keep lists apart (H2) or the list has had customers before: load it as any import.
     */
    boolean beginFirstLoad(Long listId);

    /** The request whose first load of the list has not finished ("" if it wrote nothing yet), if any. */
    Optional<String> unfinishedFirstLoad(Long listId);

    /**
     * Gives an unfinished first load its lookup index by this field (none for {@code Id}, which is
     * the primary key, nor where lists share a table). One index a call, so that the indexes can
     * be built at once, each in a transaction of its own; the attach then takes them as they are.
     */
    void indexFirstLoad(Long listId, LookupField field);

    /** Finishes the list's first load, if one is unfinished: builds its indexes and makes its customers readable. */
    void finishFirstLoad(Long listId);

    /** The lists whose first load is unfinished (running, or left by a request that ended without finishing it). */
    List<Long> listsWithUnfinishedFirstLoads();

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
