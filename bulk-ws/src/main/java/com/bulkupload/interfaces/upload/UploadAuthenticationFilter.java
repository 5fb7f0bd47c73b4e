package com.bulkupload.interfaces.upload;

import com.bulkupload.application.identity.ApiCredentials;
import com.bulkupload.application.identity.AuthenticationService;
import com.bulkupload.interfaces.web.ApiAuthenticationFilter;
import com.bulkupload.interfaces.web.Authenticated;
import com.bulkupload.interfaces.web.CallerContexts;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Authenticates an upload to an UploadUrl. Besides the JSON API's headers it takes the ones the
 * official Bing Ads SDKs send there: the SOAP SDK puts the token in {@code AuthenticationToken},
 * and both SDKs name the account {@code AccountId} instead of {@code CustomerAccountId}. Errors
 * name the header the caller actually sent.
 */
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class UploadAuthenticationFilter implements ContainerRequestFilter {

    private static final String AUTHENTICATION_TOKEN = "AuthenticationToken";
    private static final String CUSTOMER_ACCOUNT_ID = "CustomerAccountId";
    private static final String ACCOUNT_ID = "AccountId";

    private final AuthenticationService authentication;

    public UploadAuthenticationFilter(AuthenticationService authentication) {
        this.authentication = authentication;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String bearer = ApiAuthenticationFilter.bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        String token = bearer != null ? bearer : request.getHeaderString(AUTHENTICATION_TOKEN);
        String tokenHeader = bearer == null && token != null ? AUTHENTICATION_TOKEN : ApiCredentials.HeaderNames.BEARER.token();
        String account = request.getHeaderString(CUSTOMER_ACCOUNT_ID);
        String accountHeader = CUSTOMER_ACCOUNT_ID;
        if (account == null && request.getHeaderString(ACCOUNT_ID) != null) {
            account = request.getHeaderString(ACCOUNT_ID);
            accountHeader = ACCOUNT_ID;
        }
        CallerContexts.set(authentication.authenticate(new ApiCredentials(token, request.getHeaderString("DeveloperToken"),
                request.getHeaderString("CustomerId"), account, new ApiCredentials.HeaderNames(tokenHeader, accountHeader))));
    }
}
