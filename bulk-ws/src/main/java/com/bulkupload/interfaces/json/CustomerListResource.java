package com.bulkupload.interfaces.json;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.requests.CustomerQueryService;
import com.bulkupload.application.requests.ListColumnMappings;
import com.bulkupload.domain.model.customer.ColumnNames;
import com.bulkupload.domain.model.customer.Customer;
import com.bulkupload.domain.model.customer.CustomerField;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.interfaces.web.Authenticated;
import com.bulkupload.interfaces.web.CallerContexts;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/v1/lists} and {@code GET /api/v1/lists/{CustomerListId}/customers} (CONTRACT section 8). */
@Path("/lists")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CustomerListResource {

    private final CustomerQueryService query;
    private final ListColumnMappings mappings;

    public CustomerListResource(CustomerQueryService query, ListColumnMappings mappings) {
        this.query = query;
        this.mappings = mappings;
    }

    @JsonPropertyOrder({"CustomerId", "Email", "EmailSha256", "Phone", "ExternalId", "FirstName", "LastName", "FullName", "Company", "Country", "City",
            "PartitionName", "UpdatedAt"})
    public record CustomerJson(@JsonProperty("CustomerId") long customerId,
                               @JsonProperty("Email") String email,
                               @JsonProperty("EmailSha256") String emailSha256,
                               @JsonProperty("Phone") String phone,
                               @JsonProperty("ExternalId") String externalId,
                               @JsonProperty("FirstName") String firstName,
                               @JsonProperty("LastName") String lastName,
                               @JsonProperty("FullName") String fullName,
                               @JsonProperty("Company") String company,
                               @JsonProperty("Country") String country,
                               @JsonProperty("City") String city,
                               @JsonProperty("PartitionName") String partitionName,
                               @JsonProperty("UpdatedAt") String updatedAt) {

        static CustomerJson of(Customer c) {
            return new CustomerJson(c.id(), c.get(CustomerField.Email), c.get(CustomerField.EmailSha256), c.get(CustomerField.Phone), c.get(CustomerField.ExternalId),
                    c.get(CustomerField.FirstName), c.get(CustomerField.LastName), c.get(CustomerField.FullName), c.get(CustomerField.Company),
                    c.get(CustomerField.Country), c.get(CustomerField.City), c.partitionName(), c.updatedAt().toString());
        }
    }

    @JsonPropertyOrder({"Customers", "NextPageToken"})
    public record CustomerPage(@JsonProperty("Customers") List<CustomerJson> customers,
                               @JsonProperty("NextPageToken") @JsonInclude(JsonInclude.Include.NON_NULL) String nextPageToken) {
    }

    @JsonPropertyOrder({"CustomerListId", "Name", "CustomerCount", "CreatedAt", "Description", "MembershipDuration", "Scope"})
    public record CustomerListJson(@JsonProperty("CustomerListId") long customerListId,
                                   @JsonProperty("Name") String name,
                                   @JsonProperty("CustomerCount") long customerCount,
                                   @JsonProperty("CreatedAt") String createdAt,
                                   @JsonProperty("Description") @JsonInclude(JsonInclude.Include.NON_NULL) String description,
                                   @JsonProperty("MembershipDuration") @JsonInclude(JsonInclude.Include.NON_NULL) Integer membershipDuration,
                                   @JsonProperty("Scope") @JsonInclude(JsonInclude.Include.NON_NULL) String scope) {
    }

    public record CustomerLists(@JsonProperty("CustomerLists") List<CustomerListJson> customerLists) {
    }

    /** {@code GET /api/v1/lists}: every list of the caller's account. */
    @GET
    public CustomerLists lists() {
        return new CustomerLists(query.lists(CallerContexts.current()).stream()
                .map(l -> new CustomerListJson(l.customerListId(), l.name(), l.customerCount(), l.createdAt().toString(),
                        l.description(), l.membershipDuration(), l.scope())).toList());
    }

    @GET
    @Path("/{listId}/customers")
    public CustomerPage customers(@PathParam("listId") long listId,
                                  @QueryParam("pageSize") Integer pageSize,
                                  @QueryParam("pageToken") String pageToken,
                                  @QueryParam("email") String email,
                                  @QueryParam("phone") String phone,
                                  @QueryParam("externalId") String externalId,
                                  @QueryParam("partition") String partition) {
        CustomerQueryService.Page page = query.page(CallerContexts.current(), listId,
                new CustomerQueryService.Filter(email, phone, externalId, partition), pageSize, pageToken);
        return new CustomerPage(page.customers().stream().map(CustomerJson::of).toList(), page.nextPageToken());
    }

    /** A list's default column mappings: {@code {"ColumnMappings": {"uploaded header": "Field" | null}}}. */
    public record ColumnMappingBody(@JsonProperty("ColumnMappings") java.util.Map<String, String> columnMappings) {
    }

    /** The answer: the list's default column mappings, and every field a column may be mapped to. */
    @JsonPropertyOrder({"ColumnMappings", "Fields"})
    public record ColumnMappingJson(@JsonProperty("ColumnMappings") java.util.Map<String, String> columnMappings,
                                    @JsonProperty("Fields") List<String> fields) {
        static ColumnMappingJson of(java.util.Map<String, String> mappings) {
            return new ColumnMappingJson(mappings, ColumnNames.fieldNames());
        }
    }

    @GET
    @Path("/{listId}/column-mapping")
    public ColumnMappingJson columnMapping(@PathParam("listId") long listId) {
        return ColumnMappingJson.of(mappings.of(CallerContexts.current(), listId));
    }

    @PUT
    @Path("/{listId}/column-mapping")
    @Consumes(MediaType.APPLICATION_JSON)
    public ColumnMappingJson setColumnMapping(@PathParam("listId") long listId, ColumnMappingBody body) {
        if (body == null || body.columnMappings() == null) {
            throw new BulkApiException(ErrorCode.NULL_REQUEST, "The body must be {\"ColumnMappings\": {...}}.");
        }
        return ColumnMappingJson.of(mappings.set(CallerContexts.current(), listId, body.columnMappings()));
    }

    @DELETE
    @Path("/{listId}/column-mapping")
    public ColumnMappingJson deleteColumnMapping(@PathParam("listId") long listId) {
        return ColumnMappingJson.of(mappings.set(CallerContexts.current(), listId, java.util.Map.of()));
    }
}
