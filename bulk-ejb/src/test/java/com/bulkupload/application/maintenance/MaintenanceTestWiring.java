package com.bulkupload.application.maintenance;

import com.bulkupload.application.SharedClock;
import com.bulkupload.application.TestDatabase;
import java.time.Clock;

/** Builds this package's services for tests in other packages, as the container would inject them. */
public final class MaintenanceTestWiring {

    private MaintenanceTestWiring() {
    }

    /** The maintenance timers' service on the test database, with this clock. */
    public static UploadMaintenance maintenance(TestDatabase db, Clock clock) {
        UploadMaintenance maintenance = new UploadMaintenance();
        maintenance.uploads = db.uploads;
        maintenance.tenants = db.tenants;
        maintenance.customers = new com.bulkupload.infrastructure.persistence.jpa.JpaCustomerRepository(db.em);
        maintenance.clock = SharedClock.of(clock);
        maintenance.settings = com.bulkupload.application.BulkSettings.of(java.util.Map.of());
        maintenance.throttle = new com.bulkupload.application.identity.TokenRequestThrottle(maintenance.settings, db.tenants,
                new com.bulkupload.infrastructure.security.JdkSecrets());
        return maintenance;
    }
}
