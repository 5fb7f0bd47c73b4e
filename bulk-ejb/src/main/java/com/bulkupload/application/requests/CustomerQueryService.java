package com.bulkupload.application.requests;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.CallerContext;
import com.bulkupload.domain.model.customer.Customer;
import com.bulkupload.domain.model.customer.CustomerListRepository;
import com.bulkupload.domain.model.customer.CustomerRepository;
import com.bulkupload.domain.model.customer.EmailHashes;
import com.bulkupload.domain.model.customer.PhoneNumbers;
import com.bulkupload.domain.model.error.ErrorCode;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** Reading a list's customers, a page at a time in a stable (id) order; only the caller's own lists. */
@Stateless
public class CustomerQueryService {

    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 1000;

    @Inject
    CustomerListRepository lists;

    @Inject
    CustomerRepository customers;

    public record Page(List<Customer> customers, String nextPageToken) {
    }

    /** A list of the account and how many customers it holds (CONTRACT §8). */
    /** A list as §8 shows it, with what a bulk file's Customer List record may have set (null when never set). */
    public record ListSummary(Long customerListId, String name, String description, Integer membershipDuration, String scope,
                              long customerCount, java.time.Instant createdAt) {
    }

    /** Every list of the caller's account, with its customer count (one grouped count for all). */
    public List<ListSummary> lists(CallerContext caller) {
        List<com.bulkupload.domain.model.customer.CustomerList> all = lists.findAllInAccount(caller.accountId());
        java.util.Map<Long, Long> counts = customers.countByList(all.stream().map(com.bulkupload.domain.model.customer.CustomerList::id).toList());
        return all.stream().map(l -> new ListSummary(l.id(), l.name(), l.description(), l.membershipDuration(), l.scope(),
                counts.getOrDefault(l.id(), 0L), l.createdAt())).toList();
    }

    /** §8's filters as the caller sent them: exact values, any of them null. */
    public record Filter(String email, String phone, String externalId, String partition) {
    }

    public Page page(CallerContext caller, Long listId, Filter filter, Integer pageSize, String pageToken) {
        lists.findInAccount(listId, caller.accountId())
                .orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_CUSTOMER_LIST));
        int size = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BulkApiException(ErrorCode.NULL_REQUEST, "pageSize must be 1 to " + MAX_PAGE_SIZE + ".");
        }
        long after = decode(pageToken);
        CustomerRepository.CustomerFilter normalised = new CustomerRepository.CustomerFilter(
                // found through the e-mail's hash, which customers whose e-mail arrived hashed have too
                filter.email() == null || filter.email().isBlank() ? null : EmailHashes.of(filter.email()),
                phoneFilter(filter.phone()), filter.externalId(), filter.partition());
        // one more than asked tells whether there is a next page
        List<Customer> found = customers.page(listId, normalised, after, size + 1);
        if (found.size() <= size) {
            return new Page(found, null);
        }
        List<Customer> page = found.subList(0, size);
        return new Page(List.copyOf(page), encode(page.get(size - 1).id()));
    }

    /** Phones are stored in their normal form; a filter written with separators finds them too. */
    private static String phoneFilter(String phone) {
        if (phone == null) {
            return null;
        }
        String normal = PhoneNumbers.normalise(phone.trim());
        return normal == null ? phone : normal;
    }

    private static String encode(long lastId) {
        return PageToken.encode("customers", lastId);
    }

    private static long decode(String token) {
        List<String> values = PageToken.decode(token, "customers", 1);
        try {
            return values == null ? 0 : Long.parseLong(values.get(0));
        } catch (NumberFormatException e) {
            throw PageToken.refused();
        }
    }
}
