package com.bulkupload.interfaces.identity;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.identity.AuthenticationService;
import com.bulkupload.application.identity.IssuedToken;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.tenant.TokenScope;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * OAuth 2.0 token endpoint: client credentials (RFC 6749 section 4.4), the client authenticating
 * with client_id and client_secret in the form or with HTTP Basic as the RFC prefers, or, as
 * Marketo's clients do, in the query of a GET or POST (CONTRACT §9); and the refresh of a token
 * with the refresh_token that came with it (section 6), which keeps its scope. {@code scope=console}
 * asks for the web console's token (docs/console.md); any other scope is an integration's. Errors: {@link OAuthErrorMapper}.
 */
@Path("/oauth/token")
public class TokenResource {

    private final AuthenticationService authentication;

    public TokenResource(AuthenticationService authentication) {
        this.authentication = authentication;
    }

    @JsonPropertyOrder({"access_token", "token_type", "expires_in", "scope", "refresh_token"})
    public record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("scope") String scope,
            @JsonProperty("refresh_token") String refreshToken) {
    }

    /** The form of RFC 6749; parameters also in the query (Marketo's clients send them there). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("grant_type") String grantType,
                          @FormParam("client_id") String clientId,
                          @FormParam("client_secret") String clientSecret,
                          @FormParam("refresh_token") String refreshToken,
                          @FormParam("scope") String scope,
                          @Context UriInfo uri,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @Context HttpServletRequest request) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        return issue(firstOf(grantType, query.getFirst("grant_type")), firstOf(clientId, query.getFirst("client_id")),
                firstOf(clientSecret, query.getFirst("client_secret")), firstOf(refreshToken, query.getFirst("refresh_token")),
                firstOf(scope, query.getFirst("scope")), authorization, request);
    }

    /** A POST with its parameters in the query and no form body (CONTRACT §9). */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response tokenFromQuery(@Context UriInfo uri, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                   @Context HttpServletRequest request) {
        return tokenByGet(uri, authorization, request);
    }

    /** Marketo's clients ask for their token with a GET and the parameters in the query (CONTRACT §9). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response tokenByGet(@Context UriInfo uri, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                               @Context HttpServletRequest request) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        return issue(query.getFirst("grant_type"), query.getFirst("client_id"), query.getFirst("client_secret"),
                query.getFirst("refresh_token"), query.getFirst("scope"), authorization, request);
    }

    private Response issue(String grantType, String clientId, String clientSecret, String refreshToken, String scope,
                           String authorization, HttpServletRequest request) {
        String[] basic = basicCredentials(authorization);
        if (basic != null) {
            clientId = basic[0];
            clientSecret = basic[1];
        }
        IssuedToken token;
        if ("client_credentials".equals(grantType)) {
            token = authentication.issueToken(clientId, clientSecret, TokenScope.requested(scope), request.getRemoteAddr());
        } else if ("refresh_token".equals(grantType)) {
            // the official Bing Ads SDKs renew this way after fault 109, sending only client_id and the
            // refresh token (and parameters of Microsoft's own service, ignored here)
            token = authentication.refreshToken(clientId, refreshToken, request.getRemoteAddr());
        } else {
            throw new BulkApiException(ErrorCode.NULL_REQUEST, "grant_type must be client_credentials or refresh_token.");
        }
        return Response.ok(new TokenResponse(token.accessToken(), "bearer", token.expiresInSeconds(), token.scope(), token.refreshToken()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    private static String firstOf(String form, String query) {
        return form != null ? form : query;
    }

    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            throw new BulkApiException(ErrorCode.INVALID_CREDENTIALS, "The Basic authorization header is not valid base64.");
        }
    }
}
