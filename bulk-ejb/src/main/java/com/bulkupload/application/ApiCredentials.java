package com.bulkupload.application;

/**
 * What a caller presented, exactly as received (SOAP headers or HTTP headers): the adapters
 * only collect these; {@link AuthenticationService} decides.
 */
public record ApiCredentials(String accessToken, String developerToken, String customerId, String customerAccountId) {
}
