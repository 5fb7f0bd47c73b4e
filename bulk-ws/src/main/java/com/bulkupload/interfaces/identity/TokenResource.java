package com.bulkupload.interfaces.identity;

import com.bulkupload.application.AuthenticationService;
import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.IssuedToken;
import com.bulkupload.domain.model.error.ErrorCode;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * OAuth 2.0 token endpoint: client credentials (RFC 6749 section 4.4), the client authenticating
 * with client_id and client_secret in the form or with HTTP Basic as the RFC prefers; and the
 * refresh of a token with the refresh_token that came with it (section 6).
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

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@FormParam("grant_type") String grantType,
                          @FormParam("client_id") String clientId,
                          @FormParam("client_secret") String clientSecret,
                          @FormParam("refresh_token") String refreshToken,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @Context HttpServletRequest request) {
        String[] basic = basicCredentials(authorization);
        if (basic != null) {
            clientId = basic[0];
            clientSecret = basic[1];
        }
        IssuedToken token;
        if ("client_credentials".equals(grantType)) {
            token = authentication.issueToken(clientId, clientSecret, request.getRemoteAddr());
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
