package com.bulkupload.interfaces.admin;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.identity.AdminService;
import com.bulkupload.application.identity.SigningKeyService;
import com.bulkupload.domain.model.error.ErrorCode;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Operator API (CONTRACT section 7): customers, accounts, API clients and lists. */
@Path("/")
@AdminOnly
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final AdminService admin;
    private final SigningKeyService signingKeys;

    public AdminResource(AdminService admin, SigningKeyService signingKeys) {
        this.signingKeys = signingKeys;
        this.admin = admin;
    }

    public record NameRequest(@JsonProperty("Name") String name) {
    }

    /** A client's name and, optionally, the account it acts on when its protocol names none. */
    public record ClientRequest(@JsonProperty("Name") String name, @JsonProperty("AccountId") Long accountId) {
    }

    public record CustomerCreated(@JsonProperty("CustomerId") Long customerId) {
    }

    @JsonPropertyOrder({"AccountId", "DefaultCustomerListId"})
    public record AccountCreated(@JsonProperty("AccountId") Long accountId,
                                 @JsonProperty("DefaultCustomerListId") Long defaultCustomerListId) {
    }

    @JsonPropertyOrder({"ClientId", "ClientSecret", "DeveloperToken"})
    public record ClientCreated(@JsonProperty("ClientId") String clientId,
                                @JsonProperty("ClientSecret") String clientSecret,
                                @JsonProperty("DeveloperToken") String developerToken) {
    }

    public record ListCreated(@JsonProperty("CustomerListId") Long customerListId) {
    }

    @JsonPropertyOrder({"KeyId", "KeySecret"})
    public record SigningKeyCreated(@JsonProperty("KeyId") String keyId, @JsonProperty("KeySecret") String keySecret) {
    }

    @POST
    @Path("/customers")
    public Response createCustomer(NameRequest request) {
        return created(new CustomerCreated(admin.createTenant(name(request))));
    }

    @POST
    @Path("/customers/{customerId}/accounts")
    public Response createAccount(@PathParam("customerId") long customerId, NameRequest request) {
        AdminService.NewAccount account = admin.createAccount(customerId, name(request));
        return created(new AccountCreated(account.accountId(), account.defaultCustomerListId()));
    }

    @POST
    @Path("/customers/{customerId}/clients")
    public Response createClient(@PathParam("customerId") long customerId, ClientRequest request) {
        if (request == null) {
            throw new BulkApiException(ErrorCode.NULL_REQUEST, "The body is missing.");
        }
        AdminService.NewClient client = admin.createClient(customerId, request.name(), request.accountId());
        return created(new ClientCreated(client.clientId(), client.clientSecret(), client.developerToken()));
    }

    @POST
    @Path("/clients/{clientId}/revoke")
    public Response revokeClient(@PathParam("clientId") String clientId) {
        admin.revokeClient(clientId);
        return Response.noContent().build();
    }

    @POST
    @Path("/accounts/{accountId}/lists")
    public Response createList(@PathParam("accountId") long accountId, NameRequest request) {
        return created(new ListCreated(admin.createList(accountId, name(request))));
    }

    /** A signing key for the account (CONTRACT §7): the secret is in this answer and nowhere else. */
    @POST
    @Path("/accounts/{accountId}/signing-keys")
    public Response createSigningKey(@PathParam("accountId") long accountId, NameRequest request) {
        SigningKeyService.NewSigningKey key = signingKeys.create(accountId, name(request));
        return Response.status(Response.Status.CREATED).entity(new SigningKeyCreated(key.keyId(), key.keySecret()))
                .header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("/signing-keys/{keyId}")
    public Response revokeSigningKey(@PathParam("keyId") String keyId) {
        signingKeys.revoke(keyId);
        return Response.noContent().build();
    }

    private static String name(NameRequest request) {
        if (request == null) {
            throw new BulkApiException(ErrorCode.NULL_REQUEST, "The body is missing.");
        }
        return request.name();
    }

    private static Response created(Object body) {
        return Response.status(Response.Status.CREATED).entity(body).build();
    }
}
