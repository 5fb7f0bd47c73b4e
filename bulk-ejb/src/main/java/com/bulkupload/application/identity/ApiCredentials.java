package com.bulkupload.application.identity;

/**
 * What a caller presented, exactly as received (SOAP headers or HTTP headers): the adapters
 * only collect these; {@link AuthenticationService} decides. {@code names} are the names of the
 * headers the caller actually used, so that an error names what the caller sent.
 */
public record ApiCredentials(String accessToken, String developerToken, String customerId, String customerAccountId,
                             HeaderNames names) {

    public ApiCredentials(String accessToken, String developerToken, String customerId, String customerAccountId) {
        this(accessToken, developerToken, customerId, customerAccountId, HeaderNames.SOAP);
    }

    /** How the token and the account were named by the caller. */
    public record HeaderNames(String token, String account) {
        public static final HeaderNames SOAP = new HeaderNames("AuthenticationToken", "CustomerAccountId");
        public static final HeaderNames BEARER = new HeaderNames("Authorization: Bearer", "CustomerAccountId");
        /** Marketo's clients send the token as a header, a query parameter or a form field, and name no account. */
        public static final HeaderNames ACCESS_TOKEN = new HeaderNames("access_token", "the client's default account");
    }
}
