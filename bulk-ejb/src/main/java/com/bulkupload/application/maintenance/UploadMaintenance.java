package com.bulkupload.application.maintenance;

import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.FileStore;
import com.bulkupload.application.ImportMetrics;
import com.bulkupload.application.ImportQueue;
import com.bulkupload.application.SharedClock;
import com.bulkupload.domain.model.customer.CustomerRepository;
import com.bulkupload.domain.model.tenant.TenantRepository;
import com.bulkupload.domain.model.upload.RequestStatus;
import com.bulkupload.domain.model.upload.UploadRequest;
import com.bulkupload.domain.model.upload.UploadRequestRepository;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Housekeeping on timers: fails requests whose upload window passed, drops expired tokens,
 * re-queues stalled imports, purges old files and records. The timers are persistent and live in
 * the shared database (the server's timer store is the BulkDS database, see configure-server.cli),
 * so each expiry runs on one node of the cluster only and a timeout missed while every node was
 * down runs once at the next start. Every change is guarded as well by the request's optimistic
 * version: should two nodes still act on one request at once, one of them rolls back and nothing
 * happens twice (a re-queue message is sent in the same transaction, so it is rolled back too).
 */
@Singleton
public class UploadMaintenance {

    private static final Logger LOG = Logger.getLogger(UploadMaintenance.class.getName());
    private static final int BATCH = 500;
    static final Duration FILE_RETENTION = Duration.ofDays(7);
    static final Duration RECORD_RETENTION = Duration.ofDays(30);
    /** Far longer than an upload, a download or an import keeps a work file without writing to it. */
    static final Duration WORK_FILE_RETENTION = Duration.ofDays(1);

    @Inject
    UploadRequestRepository uploads;

    @Inject
    TenantRepository tenants;

    @Inject
    com.bulkupload.application.identity.TokenRequestThrottle throttle;

    @Inject
    ImportQueue importQueue;

    @Inject
    FileStore storage;

    @Inject
    BulkSettings settings;

    @Inject
    com.bulkupload.domain.model.analysis.AnalysisTaskRepository analysisTasks;

    @Inject
    ImportMetrics metrics = ImportMetrics.NONE;

    @Inject
    SharedClock clock;

    @Inject
    CustomerRepository customers;

    @Schedule(hour = "*", minute = "*", second = "15")
    public void expireStaleRequests() {
        Instant now = clock.now();
        int expired = 0;
        for (UploadRequest request : uploads.findPendingPastDeadline(now, BATCH)) {
            if (request.expireIfNoFileBy(now)) {
                expired++;
            }
        }
        // kept a day past expiry so that a late caller is told 109 AuthenticationTokenExpired (and
        // renews), not 105 as for a token that never existed
        int tokens = tenants.deleteTokensExpiredBefore(now.minus(java.time.Duration.ofDays(1)));
        // past their window a replayed nonce fails the timestamp check: the row is no longer needed
        tenants.deleteNoncesExpiredBefore(now);
        throttle.forgetEndedWindows(now);
        // an upload whose node died stopped counting at the lease; its row goes too
        tenants.deleteUploadsSilentSince(now.minus(settings.stuckImportAfter()));
        if (expired > 0 || tokens > 0) {
            LOG.info("Expired " + expired + " upload requests without a file; deleted " + tokens + " expired tokens");
        }
    }

    /**
     * Every 10 s, so that a dead node's import is taken over within the lease plus 10 s
     * (BULK_STUCK_IMPORT_SECONDS, 40 s: under the minute the cluster promises). A FileUrl download
     * whose node fell silent as long is queued again, and another node claims it.
     */
    @Schedule(hour = "*", minute = "*", second = "*/10")
    public void requeueStalledImports() {
        Instant now = clock.now();
        for (UploadRequest request : uploads.findAbandonedDownloads(now.minus(settings.stuckImportAfter()), now, BATCH)) {
            // a download waiting for space is tried again here every lease: FINE, as for an import
            LOG.log(request.waitedForStorage() ? Level.FINE : Level.WARNING, "Download of the file of " + request.requestId()
                    + " shows no progress since " + settings.stuckImportAfter() + "; queued again, another node downloads it");
            importQueue.enqueueDownload(request.requestId(), request.accountId());
        }
        boolean filesWaiting = false;
        for (UploadRequest request : uploads.findStalledImports(now.minus(settings.stuckImportAfter()), BATCH)) {
            if (request.status() == RequestStatus.InProgress) {
                // an import waiting for space is tried again here every lease for as long as the store
                // stays full: its one WARN and one INFO are the Importer's, these tries are FINE
                LOG.log(request.waitedForStorage() ? Level.FINE : Level.WARNING, "Import of " + request.requestId()
                        + " shows no progress since " + settings.stuckImportAfter() + "; queued again, it resumes from its last committed chunk");
                request.requeue(now);
                importQueue.fileWaiting(request.requestId());
            } else {
                filesWaiting = true;
            }
        }
        // files that wait their turn are normal while every slot is busy; one more message is a
        // safety net only (a slot that takes it finds nothing to do if all slots are busy)
        if (filesWaiting) {
            importQueue.fileWaiting("(timer)");
        }
        metrics.filesWaiting(uploads.countWaitingImports());
    }

    /**
     * A list's first load is finished by its import however that ends, or else by the next import
     * into the list; a list that gets no other import would keep the customers a failed request
     * committed unreadable. So this hourly sweep finishes every first load no import is coming to,
     * in a transaction of its own.
     */
    @Schedule(hour = "*", minute = "35")
    public void finishAbandonedFirstLoads() {
        for (Long listId : customers.listsWithUnfinishedFirstLoads()) {
            if (!uploads.hasActiveImportInto(listId)) {
                customers.finishFirstLoad(listId);
                LOG.info("Finished the first load of list " + listId + ", left unfinished by a request that ended");
            }
        }
    }

    @Schedule(hour = "*", minute = "5")
    public void purgeOldFiles() {
        Instant now = clock.now();
        for (UploadRequest request : uploads.findWithFilesOlderThan(now.minus(FILE_RETENTION), BATCH)) {
            try {
                Files.deleteIfExists(storage.upload(request.requestId()));
                for (int claim = 0; claim <= request.progress().claim(); claim++) {
                    Files.deleteIfExists(storage.result(request.requestId(), claim));
                }
                request.filesPurged();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not purge the files of " + request.requestId(), e);
            }
        }
        try {
            int orphans = storage.deleteWorkFilesOlderThan(now.minus(WORK_FILE_RETENTION));
            if (orphans > 0) {
                LOG.info("Deleted " + orphans + " work files untouched for " + WORK_FILE_RETENTION.toHours()
                        + " hours (left by a node that died during an upload, a download or an import)");
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not sweep the work directory", e);
        }
        int deleted = uploads.deleteCreatedBefore(now.minus(RECORD_RETENTION));
        if (deleted > 0) {
            LOG.info("Deleted " + deleted + " upload requests older than " + RECORD_RETENTION.toDays() + " days");
        }
        // expired analysis tasks stop computing at once, and are kept as long as requests are
        int tasks = analysisTasks.deleteEndedBefore(now.minus(RECORD_RETENTION));
        if (tasks > 0) {
            LOG.info("Deleted " + tasks + " analysis tasks that ended more than " + RECORD_RETENTION.toDays() + " days ago");
        }
    }
}
