package com.bulkupload.application.requests;

import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.SharedClock;
import com.bulkupload.domain.model.tenant.TenantRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * The file uploads of each account streaming now, on every node (BULK_MAX_UPLOADS_PER_ACCOUNT):
 * one row an upload in the shared database, taken under the account's row lock, so N nodes allow
 * the limit once, not N times. Each step commits at once, apart from the upload it guards. An
 * upload's node says it is alive at least every BULK_UPLOAD_RATE_WINDOW_SECONDS while bytes
 * arrive; the row of one whose node died stops counting after BULK_STUCK_IMPORT_SECONDS.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class UploadsInFlight {

    @Inject
    TenantRepository tenants;

    @Inject
    BulkSettings settings;

    @Inject
    SharedClock clock;

    /** The upload's id if the account may stream one more now; empty if it streams its limit already. */
    public Optional<String> enter(Long accountId) {
        Instant now = clock.now();
        return tenants.enterUpload(accountId, settings.maxUploadsPerAccount(), now, now.minus(settings.stuckImportAfter()));
    }

    public void alive(String uploadId) {
        tenants.uploadAlive(uploadId, clock.now());
    }

    public void leave(String uploadId) {
        tenants.endUpload(uploadId);
    }
}
