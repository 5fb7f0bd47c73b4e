package com.bulkupload.application.requests;

/**
 * GetBulkUploadUrl as the caller sent it: values are unchecked strings and boxed numbers, because
 * judging them (and choosing the error code) is the service's job, not the adapter's.
 */
public record OpenRequestCommand(String responseMode, Long accountId, Long customerListId, String lookupField,
                               String partitionName, String clientRequestToken) {
}
