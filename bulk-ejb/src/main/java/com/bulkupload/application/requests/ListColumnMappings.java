package com.bulkupload.application.requests;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.CallerContext;
import com.bulkupload.domain.model.customer.ColumnMappings;
import com.bulkupload.domain.model.customer.CustomerList;
import com.bulkupload.domain.model.customer.CustomerListRepository;
import com.bulkupload.domain.model.error.ErrorCode;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * A list's default column mappings (CONTRACT §8, docs/columns.md): applied to every upload into
 * the list that brings no mappings of its own, whatever protocol sent it — the way a Marketo,
 * Alibaba or Taobao client, which cannot send our field, gets a mapping.
 */
@Stateless
public class ListColumnMappings {

    @Inject
    CustomerListRepository lists;

    /** The list's default mappings (empty when it has none); another account's list answers 3204. */
    public Map<String, String> of(CallerContext caller, Long listId) {
        return list(caller, listId).columnMappings().asMap();
    }

    /** Sets them (3222 when they cannot be used); empty ones remove them. */
    public Map<String, String> set(CallerContext caller, Long listId, Map<String, String> mappings) {
        ColumnMappings checked = UploadRequestService.columnMappings(mappings);
        CustomerList list = list(caller, listId);
        list.defaultColumnMappings(checked);
        return checked.asMap();
    }

    private CustomerList list(CallerContext caller, Long listId) {
        return lists.findInAccount(listId, caller.accountId())
                .orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_CUSTOMER_LIST));
    }
}
