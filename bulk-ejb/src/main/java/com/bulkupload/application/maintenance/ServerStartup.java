package com.bulkupload.application.maintenance;

import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.identity.ResultFileUrls;
import com.bulkupload.application.identity.Secrets;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Runs once when the application starts on a node: migrates the schema, creates the bootstrap
 * tenant on an empty database, and settles the admin key.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ServerStartup {

    private static final Logger LOG = Logger.getLogger(ServerStartup.class.getName());

    @Inject
    Secrets secrets;

    @Inject
    SchemaMigrations migrations;

    @EJB
    Bootstrap bootstrap;

    @EJB
    ResultFileUrls resultFileUrls;

    @Inject
    BulkSettings settings;

    private String adminKey;

    @PostConstruct
    void start() {
        SchemaMigrations.Migrated result = migrations.migrate();
        LOG.info(() -> "Database schema at version " + result.version() + " (" + result.applied() + " migrations applied now)");
        if (settings.cluster() && !result.shareable()) {
            // a second node would open a database of its own and share nothing: refuse to start
            throw new IllegalStateException("A node of a cluster (standalone-cluster.xml) needs PostgreSQL: set BULK_DB_URL to a "
                    + "jdbc:postgresql: URL. H2 is one node's own file (docs/operations.md, \"Run a cluster\").");
        }
        try {
            bootstrap.createBootstrapTenantIfEmpty();
        } catch (RuntimeException e) {
            // Another node bootstrapped at the same moment; its tenant is the bootstrap tenant.
            LOG.info("Bootstrap skipped: " + e);
        }
        try {
            resultFileUrls.createKeyIfMissing();
        } catch (RuntimeException e) {
            // another node created it at the same moment
            LOG.info("Result URL key created by another node: " + e);
        }
        adminKey = settings.adminKey().orElseGet(() -> {
            String generated = secrets.newToken();
            // Only this node knows a generated key; clusters set BULK_ADMIN_KEY (docs/operations.md).
            LOG.warning("BULK_ADMIN_KEY is not set; the admin API key of this node is: " + generated);
            return generated;
        });
    }

    public boolean isAdminKey(String presented) {
        return secrets.constantTimeEquals(adminKey, presented);
    }
}
