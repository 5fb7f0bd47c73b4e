package com.bulkupload.application;

/** An authenticated caller: the API client, its tenant, and the account it acts on. */
public record CallerContext(String clientId, Long tenantId, Long accountId) {
}
