package com.bulkupload.application.requests;

import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.TestDatabase;
import java.time.Clock;

/** Builds this package's services for tests in other packages, as the container would inject them. */
public final class RequestsTestWiring {

    private RequestsTestWiring() {
    }

    /** The request service on the test database, with these settings and this clock. */
    public static UploadRequestService requestService(TestDatabase db, BulkSettings settings, Clock clock) {
        UploadRequestService service = new UploadRequestService();
        service.tenants = db.tenants;
        service.lists = db.lists;
        service.uploads = db.uploads;
        service.settings = settings;
        service.clock = clock;
        return service;
    }
}
