package com.bulkupload.domain.model.customer;

import com.bulkupload.domain.model.upload.LookupField;
import java.util.Collection;
import java.util.List;
import java.util.Map;

public interface CustomerRepository {

    /** The customers of the list and partition whose lookup column holds one of the keys, by key. */
    Map<String, Customer> findByKeys(Long listId, String partition, LookupField field, Collection<String> keys);

    void store(Customer customer);

    void remove(Customer customer);

    /** One page of a list in id order, after the given id, with optional exact-match filters. */
    List<Customer> page(Long listId, CustomerFilter filter, long afterId, int size);

    record CustomerFilter(String email, String phone, String externalId, String partition) {
    }
}
