package com.bulkupload.application.identity;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.domain.model.customer.CustomerList;
import com.bulkupload.domain.model.customer.CustomerListRepository;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.tenant.Account;
import com.bulkupload.domain.model.tenant.ApiClient;
import com.bulkupload.domain.model.tenant.Tenant;
import com.bulkupload.domain.model.tenant.TenantRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/** Operator actions behind the admin API and the first-start bootstrap. */
@Stateless
public class AdminService {

    @Inject
    Secrets secrets;

    @Inject
    AuthenticatedCallers callers = new AuthenticatedCallers();

    public static final String DEFAULT_LIST_NAME = "Default";

    @Inject
    TenantRepository tenants;

    @Inject
    CustomerListRepository lists;

    Clock clock = Clock.systemUTC();

    public record NewAccount(Long accountId, Long defaultCustomerListId) {
    }

    public record NewClient(String clientId, String clientSecret, String developerToken) {
    }

    public Long createTenant(String name) {
        return tenants.store(new Tenant(checkName(name), clock.instant())).id();
    }

    public NewAccount createAccount(Long tenantId, String name) {
        Tenant tenant = tenants.findTenant(tenantId).orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_CUSTOMER_ID));
        Instant now = clock.instant();
        Account account = tenants.store(new Account(tenant.id(), checkName(name), now));
        CustomerList list = lists.store(new CustomerList(account.id(), DEFAULT_LIST_NAME, now));
        account.useAsDefaultList(list.id());
        return new NewAccount(account.id(), list.id());
    }

    /** A client with generated credentials. */
    public NewClient createClient(Long tenantId, String name) {
        return createClient(tenantId, name, null, null, null, null);
    }

    /** A client with generated credentials that acts on {@code defaultAccountId} when its protocol names no account. */
    public NewClient createClient(Long tenantId, String name, Long defaultAccountId) {
        return createClient(tenantId, name, null, null, null, defaultAccountId);
    }

    /** A client whose credentials are fixed where given (bootstrap variables) and generated otherwise. */
    public NewClient createClient(Long tenantId, String name, String clientId, String secret, String developerToken) {
        return createClient(tenantId, name, clientId, secret, developerToken, null);
    }

    private NewClient createClient(Long tenantId, String name, String clientId, String secret, String developerToken,
                                   Long defaultAccountId) {
        Tenant tenant = tenants.findTenant(tenantId).orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_CUSTOMER_ID));
        Account defaultAccount = defaultAccountId == null ? null : tenants.findAccount(defaultAccountId)
                .filter(a -> a.belongsTo(tenant.id()))
                .orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_ACCOUNT_ID, "AccountId is not an account of this customer."));
        String id = clientId != null ? clientId : secrets.newId("client-");
        String plainSecret = secret != null ? secret : secrets.newToken();
        String plainDeveloperToken = developerToken != null ? developerToken : secrets.newToken();
        ApiClient client = new ApiClient(id, tenant.id(), checkName(name), secrets.hashPassword(plainSecret),
                secrets.sha256(plainDeveloperToken), clock.instant());
        if (defaultAccount != null) {
            client.actByDefaultOn(defaultAccount);
        }
        tenants.store(client);
        return new NewClient(id, plainSecret, plainDeveloperToken);
    }

    public Long createList(Long accountId, String name) {
        Account account = tenants.findAccount(accountId).orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_ACCOUNT_ID));
        return lists.store(new CustomerList(account.id(), checkName(name), clock.instant())).id();
    }

    public void revokeClient(String clientId) {
        tenants.findClient(clientId).orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_CREDENTIALS)).revoke();
        callers.forgetAll();
    }

    public boolean hasAnyTenant() {
        return tenants.hasAnyTenant();
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank() || name.trim().length() > 255) {
            throw new BulkApiException(ErrorCode.INVALID_NAME);
        }
        return name.trim();
    }
}
