package com.bulkupload.interfaces.web;

import com.bulkupload.application.identity.ApiCredentials;
import com.bulkupload.application.identity.AuthenticationService;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Authenticates Bing JSON and read API calls from their HTTP headers ({@code Authorization: Bearer},
 * DeveloperToken, CustomerId, CustomerAccountId) through the same {@link AuthenticationService}
 * the SOAP interceptor uses.
 */
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthenticationFilter implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";
    private final AuthenticationService authentication;

    public ApiAuthenticationFilter(AuthenticationService authentication) {
        this.authentication = authentication;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        CallerContexts.set(authentication.authenticate(new ApiCredentials(
                bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION)),
                request.getHeaderString("DeveloperToken"),
                request.getHeaderString("CustomerId"),
                request.getHeaderString("CustomerAccountId"),
                ApiCredentials.HeaderNames.BEARER)));
    }

    public static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).trim();
    }
}
