package com.bulkupload.domain.model.customer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface CustomerListRepository {

    CustomerList store(CustomerList list);

    /** The list, only if it belongs to the account: another account's list is as good as unknown. */
    Optional<CustomerList> findInAccount(Long listId, Long accountId);

    /** Every list of the account, oldest first. */
    List<CustomerList> findAllInAccount(Long accountId);

    /** The account's oldest list of this name, if any. */
    Optional<CustomerList> findByNameInAccount(String name, Long accountId);

    /** The lists a request's bulk file created, by the reference the file gave each. */
    Map<Long, CustomerList> createdByRequest(String requestId);

    /** The lists whose contents the request replaces. */
    List<CustomerList> replacedByRequest(String requestId);

    /** Deletes the list and every customer in it. */
    void delete(CustomerList list);
}
