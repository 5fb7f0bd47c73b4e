package com.bulkupload.interfaces.json;

import com.bulkupload.application.identity.AuthenticationService;
import com.bulkupload.interfaces.web.ApiAuthenticationFilter;
import com.bulkupload.interfaces.web.Authenticated;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /api/v1/accounts} (our addition, docs/console.md): who the token's client is and the
 * accounts of its customer, so that a caller that knows only its client id and secret (the web
 * console) can choose one. Authenticated by the token and developer token alone: no account is
 * named yet, so the account filter of the other read calls does not apply.
 */
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountListResource {

    private final AuthenticationService authentication;

    public AccountListResource(AuthenticationService authentication) {
        this.authentication = authentication;
    }

    @JsonPropertyOrder({"AccountId", "Name", "DefaultCustomerListId"})
    public record AccountJson(@JsonProperty("AccountId") long accountId,
                              @JsonProperty("Name") String name,
                              @JsonProperty("DefaultCustomerListId") Long defaultCustomerListId) {
    }

    @JsonPropertyOrder({"ClientId", "CustomerId", "Accounts"})
    public record Accounts(@JsonProperty("ClientId") String clientId,
                           @JsonProperty("CustomerId") long customerId,
                           @JsonProperty("Accounts") List<AccountJson> accounts) {
    }

    @GET
    public Accounts accounts(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @HeaderParam("DeveloperToken") String developerToken) {
        AuthenticationService.SignedInCaller caller = authentication.signedInCaller(
                ApiAuthenticationFilter.bearerToken(authorization), developerToken);
        return new Accounts(caller.clientId(), caller.customerId(), caller.accounts().stream()
                .map(a -> new AccountJson(a.id(), a.name(), a.defaultListId())).toList());
    }
}
