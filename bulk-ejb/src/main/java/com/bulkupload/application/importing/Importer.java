package com.bulkupload.application.importing;

import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.FileStore;
import com.bulkupload.application.ImportMetrics;
import com.bulkupload.application.StorageFull;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.upload.RequestStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports the file of one upload request: claims it ({@link ImportLifecycle}), runs the
 * {@link ImportPipeline} over the stored file with {@link CustomerChunkWriter} as its writer, and
 * completes or fails the request. No transaction of its own: each step and each chunk commits on
 * its own, far sooner than one transaction over a whole file could.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Importer {

    /** Imports of at least this many rows refresh the table's statistics when they end. */
    static final long STATISTICS_AFTER_ROWS = 100_000;

    private static final Logger LOG = Logger.getLogger(Importer.class.getName());

    @EJB
    ImportLifecycle lifecycle;

    @EJB
    CustomerChunkWriter chunks;

    @Inject
    FileStore storage;

    @Inject
    UploadFiles uploadFiles;

    @Inject
    ResultLines resultLines;

    @Inject
    BulkSettings settings;

    @Inject
    ImportMetrics metrics = ImportMetrics.NONE;

    /**
     * Claims the import whose turn it is and runs it to its end; false if no file waits for a
     * slot. The caller is one import slot: it calls again until false, so a slot that frees takes
     * the next account's file at once (docs/design.md, "Import slots").
     */
    public boolean importNextInTurn() {
        for (int contended = 0; contended < 10; contended++) {
            ImportJob job;
            try {
                job = lifecycle.claimNextInTurn();
            } catch (RuntimeException e) {
                if (Causes.find(e, OptimisticLockException.class) == null) {
                    throw e;
                }
                continue; // another slot, maybe on another node, took that request first: ask again
            }
            metrics.filesWaiting(lifecycle.filesWaiting());
            if (job == null) {
                return false;
            }
            metrics.importStarted(job.requestId());
            long started = System.nanoTime();
            String finalStatus = null;
            try {
                finalStatus = importFile(job);
            } finally {
                metrics.importEnded(job.requestId(), finalStatus, Duration.ofNanos(System.nanoTime() - started));
            }
            return true;
        }
        return true;
    }

    /** Imports the claimed file; returns the request's final status, or null if it stopped without one (taken over). */
    private String importFile(ImportJob job) {
        String requestId = job.requestId();
        long started = System.nanoTime();
        ImportPipeline pipeline = new ImportPipeline(settings.importChunkRows(),
                Duration.ofSeconds(Math.max(60, settings.stuckImportAfter().toSeconds())), () -> lifecycle.heartbeat(job),
                resultLines);
        try (UploadFiles.OpenedFile file = uploadFiles.open(storage.upload(requestId), job.fileName(), job.contentType(), job.charset(),
                job.declaredFormat())) {
            long rows = job.rowsTotal() == null ? 0 : job.rowsTotal();
            if (job.rowsTotal() == null) {
                ImportPipeline.Scan scan = pipeline.scan(file, job.lookupField(), job.columnMappings());
                if (scan.rows() > settings.maxRows()) {
                    lifecycle.fail(job, RequestStatus.UploadFileRowCountExceeded, ErrorCode.UPLOAD_FILE_ROW_COUNT_EXCEEDED,
                            "The file has " + scan.rows() + " rows; at most " + settings.maxRows() + " are allowed.");
                    return RequestStatus.UploadFileRowCountExceeded.name();
                }
                lifecycle.scanned(job, scan.rows(), scan.layout(), file.textFormat(), scan.headerWarning());
                rows = scan.rows();
            }
            long scanned = System.nanoTime();
            ImportedKeys keys = chunks.keysOf(job, rows);
            ImportTimeline timeline;
            try {
                // this claim's own result file: a taken-over importer that wakes up writes only to its
                // own, which nothing reads (it starts with the lines the last committed claim wrote)
                timeline = pipeline.apply(job, file, storage.result(requestId, job.resultClaim()),
                        storage.result(requestId, job.claim()), keys, chunks::writeAsync);
            } finally {
                keys.release();
            }
            long loaded = System.nanoTime();
            if (keys.firstLoad()) {
                // before the request completes: a crash in between resumes the import, which finishes it
                chunks.indexFirstLoad(job.customerListId());
                chunks.finishFirstLoad(job);
            }
            long finished = System.nanoTime();
            RequestStatus completed = lifecycle.complete(job);
            deleteResultsOfEarlierClaims(job);
            refreshStatisticsAfter(job, rows - job.recordsDone());
            long done = System.nanoTime();
            LOG.info(() -> "Imported " + requestId + " (" + file.describe() + ") in " + (done - started) / 1_000_000
                    + " ms (pre-scan " + (scanned - started) / 1_000_000 + " ms"
                    + (keys.firstLoad() ? ", the list's first load indexed in " + (finished - loaded) / 1_000_000 + " ms" : "") + "; "
                    + timeline.summary() + ")");
            return completed.name();
        } catch (UploadFileException e) {
            RequestStatus status = switch (e.error()) {
                case UPLOAD_FILE_FORMAT_NOT_SUPPORTED, BULK_FORMAT_VERSION_NOT_SUPPORTED, AMBIGUOUS_COLUMNS, COLUMN_MAPPING_NOT_IN_FILE ->
                        RequestStatus.UploadFileFormatNotSupported;
                case UPLOAD_FILE_ROW_COUNT_EXCEEDED -> RequestStatus.UploadFileRowCountExceeded;
                default -> RequestStatus.Failed;
            };
            LOG.info(() -> "Upload " + requestId + " refused: " + e.error().errorCode() + ": " + e.getMessage());
            return failUnlessTakenOver(job, status, e.error(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (StorageFull.in(e)) {
                return waitForStorage(job, e);
            }
            if (takenOver(e)) {
                // the stalled-import timer gave the request to another importer, or a chunk write was
                // lost: the request carries on from its last committed chunk; failing it would be wrong
                LOG.warning(() -> "Import of " + requestId + " stops here (" + e.getMessage()
                        + "); the request stays InProgress and resumes from its last committed chunk");
                return null;
            }
            LOG.log(Level.SEVERE, "Import of " + requestId + " failed", e);
            return failUnlessTakenOver(job, RequestStatus.Failed, ErrorCode.INTERNAL_ERROR, null);
        }
    }

    /**
     * The file store is full: nothing of the chunk in flight was committed (its result lines are
     * written before the commit), so the import stops at its last checkpoint, InProgress, and is
     * tried again after its lease (docs/operations.md, "A full disk"). One WARN when the wait
     * starts, not one per try. Returns null: no final status.
     */
    private String waitForStorage(ImportJob job, Exception cause) {
        try {
            ImportLifecycle.StorageWait wait = lifecycle.waitForStorage(job);
            if (wait.started()) {
                metrics.importWaitingForStorage(job.requestId());
                LOG.warning(() -> "Import of " + job.requestId() + " waits at its last checkpoint: the file store is full (" + cause.getMessage()
                        + "); it is tried again every " + settings.stuckImportAfter().toSeconds() + "-odd seconds until there is space");
            }
            Path own = storage.result(job.requestId(), job.claim());
            if (wait.resultClaim() != job.claim()) {
                // this claim committed nothing: its file (a partial copy of the committed lines)
                // would only eat the space the next try needs
                Files.deleteIfExists(own);
            } else if (Files.exists(own)) {
                // its lines past the checkpoint were never committed: the space they hold is given back
                try (FileChannel file = FileChannel.open(own, StandardOpenOption.WRITE)) {
                    file.truncate(wait.resultBytes());
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not give back the uncommitted result lines of " + job.requestId() + ", which waits for space", e);
        } catch (RuntimeException e) {
            if (!takenOver(e)) {
                throw e;
            }
        }
        return null;
    }

    /**
     * Fails the request and returns the status; null if another claim took it over meanwhile (it
     * carries on there). What its chunks committed stays: a first load is finished first.
     */
    private String failUnlessTakenOver(ImportJob job, RequestStatus status, ErrorCode error, String details) {
        try {
            chunks.finishFirstLoad(job);
        } catch (RuntimeException e) {
            if (takenOver(e)) {
                return null;
            }
            LOG.log(Level.WARNING, "Could not finish the first load of list " + job.customerListId() + " by " + job.requestId()
                    + "; the next import into the list finishes it", e);
        }
        try {
            lifecycle.fail(job, status, error, details);
            return status.name();
        } catch (RuntimeException failing) {
            if (takenOver(failing)) {
                return null;
            }
            throw failing;
        }
    }

    /**
     * The result files of the claims before this one, now that this claim's file is the request's
     * (the files of a node that was taken over; it may still hold one open, which is harmless).
     */
    private void deleteResultsOfEarlierClaims(ImportJob job) {
        for (int claim = 0; claim < job.claim(); claim++) {
            try {
                Files.deleteIfExists(storage.result(job.requestId(), claim));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not delete an earlier result file of " + job.requestId(), e);
            }
        }
    }

    /**
     * After an import of many rows, the database is told the table's new size: the next import's
     * lookups into a list that grew by millions are planned for that size (see
     * {@code CustomerRepository.refreshStatistics}). A failure here costs speed, never the import.
     */
    private void refreshStatisticsAfter(ImportJob job, long rowsImported) {
        if (rowsImported < STATISTICS_AFTER_ROWS) {
            return;
        }
        try {
            chunks.refreshStatistics(job.customerListId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not refresh the customer table's statistics", e);
        }
    }

    private static boolean takenOver(Throwable e) {
        return Causes.find(e, OptimisticLockException.class) != null || Causes.find(e, OneChunkInFlight.WriteLost.class) != null
                || Causes.find(e, ImportTakenOver.class) != null;
    }
}
