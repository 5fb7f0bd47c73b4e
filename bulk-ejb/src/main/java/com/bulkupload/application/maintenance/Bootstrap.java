package com.bulkupload.application.maintenance;

import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.identity.AdminService;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * On first start with an empty database: one tenant, one account (with its default list) and one
 * API client, so a new server is usable at once. The credentials are logged once; the
 * BULK_BOOTSTRAP_* variables fix them instead of generating them.
 */
@Stateless
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @PersistenceContext(unitName = "bulk")
    EntityManager em;

    @Inject
    AdminService admin;

    @Inject
    BulkSettings settings;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void createBootstrapTenantIfEmpty() {
        if (admin.hasAnyTenant()) {
            return;
        }
        // The marker's primary key lets exactly one node bootstrap: a second node starting at the
        // same time blocks on this insert and then fails it, rolling back its whole bootstrap.
        em.createNativeQuery("insert into bootstrap_marker (id, completed_at) values (1, ?)")
                .setParameter(1, Instant.now())
                .executeUpdate();
        Long tenantId = admin.createTenant("Bootstrap customer");
        AdminService.NewAccount account = admin.createAccount(tenantId, "Bootstrap account");
        AdminService.NewClient client = admin.createClient(tenantId, "Bootstrap client",
                settings.bootstrapClientId().orElse(null),
                settings.bootstrapClientSecret().orElse(null),
                settings.bootstrapDeveloperToken().orElse(null));
        LOG.warning(String.format("Bootstrap API client created (shown once): CustomerId=%d CustomerAccountId=%d "
                        + "CustomerListId=%d ClientId=%s ClientSecret=%s DeveloperToken=%s",
                tenantId, account.accountId(), account.defaultCustomerListId(), client.clientId(),
                settings.bootstrapClientSecret().isPresent() ? "(from BULK_BOOTSTRAP_CLIENT_SECRET)" : client.clientSecret(),
                settings.bootstrapDeveloperToken().isPresent() ? "(from BULK_BOOTSTRAP_DEVELOPER_TOKEN)" : client.developerToken()));
    }
}
