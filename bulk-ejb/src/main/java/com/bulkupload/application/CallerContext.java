package com.bulkupload.application;

/**
 * An authenticated caller: the API client, its tenant, the account it acts on, and whether it
 * calls from the web console (its uploads are then recorded as the Console protocol).
 */
public record CallerContext(String clientId, Long tenantId, Long accountId, boolean viaConsole) {

    public CallerContext(String clientId, Long tenantId, Long accountId) {
        this(clientId, tenantId, accountId, false);
    }
}
