package com.bulkupload.application.importing;

import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.SharedClock;
import com.bulkupload.application.TestDatabase;
import com.bulkupload.application.analysis.CrowdAnalysisService;
import com.bulkupload.domain.model.customer.CustomerRepository;
import java.time.Clock;
import java.util.Map;

/** The import's services on the test database, wired as the container would, with a stopped clock. */
final class ImportingTestWiring {

    private ImportingTestWiring() {
    }

    static ImportLifecycle lifecycle(TestDatabase db, CustomerRepository customers, Clock clock) {
        ImportLifecycle lifecycle = new ImportLifecycle();
        lifecycle.uploads = db.uploads;
        lifecycle.tenants = db.tenants;
        lifecycle.lists = db.lists;
        lifecycle.customers = customers;
        lifecycle.settings = BulkSettings.of(Map.of());
        lifecycle.clock = SharedClock.of(clock);
        lifecycle.analyses = new CrowdAnalysisService() {
            @Override
            public void listChanged(Long listId) {
                // no analysis tasks in these tests
            }
        };
        return lifecycle;
    }

    static CustomerChunkWriter writer(TestDatabase db, CustomerRepository customers, SharedClock clock) {
        CustomerChunkWriter writer = new CustomerChunkWriter();
        writer.uploads = db.uploads;
        writer.customers = customers;
        writer.lists = db.lists;
        writer.tenants = db.tenants;
        writer.clock = clock;
        return writer;
    }
}
