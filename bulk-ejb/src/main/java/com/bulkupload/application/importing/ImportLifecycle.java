package com.bulkupload.application.importing;

import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.SharedClock;
import com.bulkupload.application.analysis.CrowdAnalysisService;
import com.bulkupload.domain.model.customer.ColumnMappings;
import com.bulkupload.domain.model.customer.CustomerList;
import com.bulkupload.domain.model.customer.CustomerListRepository;
import com.bulkupload.domain.model.customer.CustomerRepository;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.tenant.TenantRepository;
import com.bulkupload.domain.model.upload.RequestStatus;
import com.bulkupload.domain.model.upload.ResultFileLayout;
import com.bulkupload.domain.model.upload.TextFormat;
import com.bulkupload.domain.model.upload.UploadRequest;
import com.bulkupload.domain.model.upload.UploadRequestRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * An import's life apart from its rows, each step committed on its own: claiming the request,
 * beating its heartbeat, recording the pre-scan, completing or failing it. (The rows commit with
 * their counts and checkpoint in {@link CustomerChunkWriter}.) A crash between two steps loses
 * nothing: the next importer claims the request again and resumes after its last committed chunk.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ImportLifecycle {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ImportLifecycle.class.getName());

    @Inject
    UploadRequestRepository uploads;

    @Inject
    BulkSettings settings;

    @Inject
    TenantRepository tenants;

    @Inject
    CustomerListRepository lists;

    @Inject
    CustomerRepository customers;

    @jakarta.ejb.EJB
    CrowdAnalysisService analyses;

    @Inject
    SharedClock clock;

    /**
     * The job of the request whose turn it is ({@link UploadRequestRepository#nextImportInTurn}),
     * now owned by this caller; null if no account has a file waiting for a free slot. Two nodes
     * that pick the same request at once are told apart by its optimistic version: one of them
     * gets an OptimisticLockException, at the latest when this commits, and asks again.
     */
    public ImportJob claimNextInTurn() {
        // a request another node took, or whose account another node just started, is passed
        // over: the query, run again after that node's commit, no longer offers it
        for (int offered = 0; offered < 3; offered++) {
            Optional<String> next = uploads.nextImportInTurn();
            if (next.isEmpty()) {
                return null;
            }
            ImportJob job = claim(next.get());
            if (job != null) {
                return job;
            }
        }
        return null;
    }

    /** Files uploaded and waiting for a slot, on every node. */
    public long filesWaiting() {
        return uploads.countWaitingImports();
    }

    /** The job, if this caller now owns the request's import; null if there is nothing to do. */
    public ImportJob claim(String requestId) {
        Instant now = clock.now();
        UploadRequest request = uploads.find(requestId).orElse(null);
        if (request == null || (request.status() == RequestStatus.FileUploaded && !aloneInItsAccount(request))
                || !request.claimForImport(now, now.minus(settings.stuckImportAfter()))) {
            return null;
        }
        return new ImportJob(request.requestId(), request.protocol(), request.target().customerListId(), request.target().partitionName(),
                request.target().lookupField(), request.target().responseMode(), request.clientId(), request.file().fileName(), request.file().contentType(),
                request.file().declaredCharset(), request.file().declaredFormat(), request.progress().rowsTotal(), request.progress().recordsDone(), request.progress().resultBytes(),
                mappingsOf(request), request.progress().claim(), request.progress().resultClaim());
    }

    /**
     * The request's own column mappings, else its list's default ones, else none (recognition
     * alone). A list's default is copied to the request when its import first claims it: the
     * request then shows the mappings its file was read with (§8), and a resumed import reads the
     * header as the first run did even if the list's default changed in between.
     */
    private ColumnMappings mappingsOf(UploadRequest request) {
        ColumnMappings own = request.target().columnMappings();
        if (!own.isEmpty()) {
            return own;
        }
        ColumnMappings listDefault = lists.findInAccount(request.target().customerListId(), request.accountId())
                .map(CustomerList::columnMappings).orElse(ColumnMappings.NONE);
        if (!listDefault.isEmpty()) {
            request.mapColumns(listDefault);
        }
        return listDefault;
    }

    /**
     * One import at a time per account, on every node: under the account's row lock (the lock
     * GetBulkUploadUrl and the uploads take first, too), no request of the account is InProgress.
     * Without the lock two nodes could start two files of one account at once, both seeing none
     * running; imports into one list must not overlap (an import's lookups rely on it:
     * {@link ImportedKeys}).
     */
    private boolean aloneInItsAccount(UploadRequest request) {
        tenants.lockAccount(request.accountId());
        return !uploads.hasImportRunning(request.accountId());
    }

    /**
     * The request, if {@code job}'s claim is still its current one; otherwise the import was taken
     * over and this importer stops ({@link ImportTakenOver}). Checked in the transaction that
     * writes: a takeover committed between the check and this commit bumps the request's version,
     * and this commit fails with an optimistic lock error instead.
     */
    private UploadRequest ownedBy(ImportJob job) {
        return owned(job, uploads.find(job.requestId()).orElseThrow());
    }

    private static UploadRequest owned(ImportJob job, UploadRequest request) {
        if (!request.claimedBy(job.claim())) {
            throw new ImportTakenOver(job);
        }
        return request;
    }

    /**
     * Tells the stalled-import timer this importer is alive while no chunk commits (the pre-scan,
     * skipping committed records). Fails if the request was taken over in the meantime, which
     * stops this importer.
     */
    public void heartbeat(ImportJob job) {
        ownedBy(job).heartbeat(clock.now());
    }

    public void scanned(ImportJob job, long rows, ResultFileLayout layout, TextFormat readFormat, Optional<String> ignoredColumnsWarning) {
        UploadRequest request = ownedBy(job);
        request.scanned(rows, layout, readFormat);
        ignoredColumnsWarning.ifPresent(warning -> request.addWarning(ErrorCode.UNKNOWN_COLUMNS_IGNORED, warning));
    }

    /** Completes the request; returns its final status (Completed or CompletedWithErrors). */
    public RequestStatus complete(ImportJob job) {
        String requestId = job.requestId();
        // locked first: a Replace's delete may outlast the lease, and a takeover tried meanwhile
        // (the stalled-import timer, a redelivered message) waits for this commit, then finds the
        // request done, instead of starting the completion over and over
        UploadRequest request = owned(job, uploads.lock(requestId).orElseThrow());
        // a Replace leaves its list holding only what this import wrote: decided here, in the
        // transaction that completes the request, so a crash before it leaves the old customers
        // beside the new ones (readers see both while the import runs) and a crash after it loses none
        for (CustomerList replaced : lists.replacedByRequest(requestId)) {
            customers.deleteNotWrittenBy(replaced.id(), requestId);
            replaced.contentsReplaced();
        }
        request.complete(clock.now());
        if (request.waitedForStorage()) {
            LOG.info("Import of " + requestId + " completed after waiting for space in the file store");
        }
        // the list changed: its analysis tasks are computed again, once this commits
        analyses.listChanged(request.target().customerListId());
        return request.status();
    }

    /**
     * The file store is full: the request stays InProgress at its last committed chunk, to be
     * claimed again once its lease passes (the stalled-import timer: the wait's back-off). Its heartbeat is
     * left as it was, so the lease runs from the last sign of progress.
     *
     * @return whether this starts the wait, and the claim whose result file holds the committed lines
     */
    public StorageWait waitForStorage(ImportJob job) {
        UploadRequest request = ownedBy(job);
        return new StorageWait(request.waitForStorage(), request.progress().resultClaim(), request.progress().resultBytes());
    }

    /**
     * @param resultClaim the claim whose result file readers open: every other claim's file is of no use
     * @param resultBytes how much of that file is committed: what lies past it was never committed
     */
    public record StorageWait(boolean started, int resultClaim, long resultBytes) {
    }

    /** Fails the request, if this importer still owns it (a taken-over one carries on elsewhere). */
    public void fail(ImportJob job, RequestStatus status, ErrorCode error, String details) {
        ownedBy(job).failAs(status, error, details, clock.now());
    }
}
