package com.bulkupload.application.identity;

import com.bulkupload.domain.model.customer.CustomerListRepository;
import com.bulkupload.domain.model.tenant.TenantRepository;

/** Builds this package's services for tests in other packages, as the container would inject them. */
public final class IdentityTestWiring {

    private IdentityTestWiring() {
    }

    /** The admin service on these repositories, for setting up tenants, accounts and clients. */
    public static AdminService admin(TenantRepository tenants, CustomerListRepository lists) {
        AdminService admin = new AdminService();
        admin.tenants = tenants;
        admin.lists = lists;
        admin.secrets = new com.bulkupload.infrastructure.security.JdkSecrets();
        return admin;
    }
}
