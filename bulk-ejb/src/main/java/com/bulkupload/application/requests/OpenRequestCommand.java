package com.bulkupload.application.requests;

import java.util.Map;

/**
 * GetBulkUploadUrl as the caller sent it: values are unchecked strings and boxed numbers, because
 * judging them (and choosing the error code) is the service's job, not the adapter's.
 */
public record OpenRequestCommand(String responseMode, Long accountId, Long customerListId, String lookupField,
                               String partitionName, String clientRequestToken, Map<String, String> columnMappings) {

    /** Without column mappings (SOAP, whose messages are Microsoft's, and the one-step protocols). */
    public OpenRequestCommand(String responseMode, Long accountId, Long customerListId, String lookupField,
                              String partitionName, String clientRequestToken) {
        this(responseMode, accountId, customerListId, lookupField, partitionName, clientRequestToken, null);
    }
}
