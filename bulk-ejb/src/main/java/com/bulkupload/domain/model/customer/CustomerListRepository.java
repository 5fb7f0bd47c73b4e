package com.bulkupload.domain.model.customer;

import java.util.List;
import java.util.Optional;

public interface CustomerListRepository {

    CustomerList store(CustomerList list);

    /** The list, only if it belongs to the account: another account's list is as good as unknown. */
    Optional<CustomerList> findInAccount(Long listId, Long accountId);

    /** Every list of the account, oldest first. */
    List<CustomerList> findAllInAccount(Long accountId);
}
