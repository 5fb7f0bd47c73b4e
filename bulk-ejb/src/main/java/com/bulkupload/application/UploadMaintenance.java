package com.bulkupload.application;

import com.bulkupload.domain.model.tenant.TenantRepository;
import com.bulkupload.domain.model.upload.UploadRequest;
import com.bulkupload.domain.model.upload.UploadRequestRepository;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Housekeeping on a timer: fails requests whose upload window passed and drops expired tokens.
 * Non-persistent and run on every node; each step is a conditional update (optimistic version on
 * the request), so two nodes doing it at once change nothing twice.
 */
@Singleton
public class UploadMaintenance {

    private static final Logger LOG = Logger.getLogger(UploadMaintenance.class.getName());
    private static final int BATCH = 500;

    @Inject
    UploadRequestRepository uploads;

    @Inject
    TenantRepository tenants;

    Clock clock = Clock.systemUTC();

    @Schedule(hour = "*", minute = "*", second = "15", persistent = false)
    public void expireStaleRequests() {
        Instant now = clock.instant();
        int expired = 0;
        for (UploadRequest request : uploads.findPendingPastDeadline(now, BATCH)) {
            if (request.expireIfNoFileBy(now)) {
                expired++;
            }
        }
        int tokens = tenants.deleteTokensExpiredBefore(now);
        if (expired > 0 || tokens > 0) {
            LOG.info("Expired " + expired + " upload requests without a file; deleted " + tokens + " expired tokens");
        }
    }
}
