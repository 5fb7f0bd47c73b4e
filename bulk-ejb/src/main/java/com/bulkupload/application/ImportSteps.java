package com.bulkupload.application;

import com.bulkupload.domain.model.customer.CustomerChanges;
import com.bulkupload.domain.model.customer.CustomerRepository;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.upload.LookupField;
import com.bulkupload.domain.model.upload.RequestStatus;
import com.bulkupload.domain.model.upload.ResponseMode;
import com.bulkupload.domain.model.upload.RowCheck;
import com.bulkupload.domain.model.upload.RowResult;
import com.bulkupload.domain.model.upload.UploadHeader;
import com.bulkupload.domain.model.upload.UploadRequest;
import com.bulkupload.domain.model.upload.UploadRequestRepository;
import com.bulkupload.infrastructure.config.BulkSettings;
import com.bulkupload.infrastructure.files.ResultFileWriter;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * The import's transactions, each committed on its own: claiming a request, recording the
 * pre-scan, applying a chunk of rows (the rows, their counts and the checkpoint together) and
 * finishing. A crash between two of them loses nothing and doubles nothing: the next importer
 * resumes after the last committed chunk.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ImportSteps {

    @Inject
    UploadRequestRepository uploads;

    @Inject
    CustomerRepository customers;

    @Inject
    BulkSettings settings;

    Clock clock = Clock.systemUTC();

    /** The job, if this caller now owns the request's import; null if there is nothing to do. */
    public ImportJob claim(String requestId) {
        Instant now = clock.instant();
        UploadRequest request = uploads.find(requestId).orElse(null);
        if (request == null || !request.claimForImport(now, now.minus(settings.stuckImportAfter()))) {
            return null;
        }
        return new ImportJob(request.requestId(), request.customerListId(), request.partitionName(), request.lookupField(),
                request.responseMode(), request.clientId(), request.fileName(), request.contentType(),
                request.declaredCharset(), request.rowsTotal(), request.recordsDone(), request.resultBytes());
    }

    /**
     * Tells the stalled-import timer this importer is alive while no chunk commits (the pre-scan,
     * skipping committed records). Fails with an optimistic lock error if the request was taken
     * over in the meantime, which stops this importer.
     */
    public void heartbeat(String requestId) {
        uploads.find(requestId).orElseThrow().heartbeat(clock.instant());
    }

    public void scanned(String requestId, long rows, List<String> unknownColumns) {
        UploadRequest request = uploads.find(requestId).orElseThrow();
        request.scanned(rows);
        if (!unknownColumns.isEmpty()) {
            request.addWarning(ErrorCode.UNKNOWN_COLUMNS_IGNORED, "Ignored columns: " + String.join(", ", unknownColumns));
        }
    }

    /**
     * Applies the rows in file order (a later row with the same key sees what an earlier one did),
     * writes their result lines, and commits the changes, the counts and the checkpoint at once.
     * The customers are looked up with one query and written with a few set-based statements
     * (their net effect, {@link CustomerChanges}); each row still gets its own outcome.
     */
    public void applyChunk(ImportJob job, UploadHeader header, List<ImportRow> rows, long recordsDone, ResultFileWriter results) {
        Instant now = clock.instant();
        UploadRequest request = uploads.find(job.requestId()).orElseThrow();
        Set<String> keys = new HashSet<>();
        int upserts = 0;
        for (ImportRow row : rows) {
            if (row.check() instanceof RowCheck.Valid valid) {
                keys.add(valid.key());
                upserts += valid.delete() ? 0 : 1;
            }
        }
        Map<String, Long> existing = customers.findIdsByKeys(job.customerListId(), job.partitionName(), job.lookupField(), keys);
        boolean insertIfMissing = job.lookupField() != LookupField.Id;
        // ids for the inserts, fetched once per chunk (at most one per upsert row not found)
        IdPool ids = new IdPool(customers, Math.max(1, upserts - existing.size()));
        CustomerChanges changes = new CustomerChanges(job.customerListId(), job.partitionName(), job.requestId(),
                job.clientId(), now, existing, ids);

        long failed = 0;
        long warnings = 0;
        try {
            for (ImportRow row : rows) {
                Outcome outcome;
                if (row.check() instanceof RowCheck.Valid valid) {
                    outcome = valid.delete()
                            ? outcome(changes.delete(valid.key()), true)
                            : outcome(changes.upsert(valid.key(), valid.values(), insertIfMissing), false);
                } else {
                    RowCheck.Invalid invalid = (RowCheck.Invalid) row.check();
                    outcome = new Outcome(RowResult.Failed, null, invalid.error(), invalid.reason());
                }
                if (outcome.result() == RowResult.Failed) {
                    failed++;
                } else if (outcome.result() == RowResult.Skipped) {
                    warnings++;
                }
                if (job.responseMode() == ResponseMode.ErrorsAndResults
                        || outcome.result() == RowResult.Failed || outcome.result() == RowResult.Skipped) {
                    results.write(ResultLines.line(header, row, outcome));
                }
            }
            customers.apply(changes.net());
            request.chunkApplied(recordsDone, rows.size(), failed, warnings, results.checkpoint(), now);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the result file of " + job.requestId(), e);
        }
    }

    /**
     * {@link #applyChunk} on the container's asynchronous thread pool, so that the importer reads
     * and validates the next chunk while this one is written. The importer waits for one chunk
     * before handing over the next: chunks still commit one at a time, in file order.
     */
    @Asynchronous
    public Future<Void> applyChunkAsync(ImportJob job, UploadHeader header, List<ImportRow> rows, long recordsDone,
                                        ResultFileWriter results) {
        applyChunk(job, header, rows, recordsDone, results);
        return CompletableFuture.completedFuture(null);
    }

    /** What became of one row: its result, the customer's id, and for failures and warnings why. */
    record Outcome(RowResult result, Long customerId, ErrorCode error, String reason) {
    }

    private static Outcome outcome(CustomerChanges.Change change, boolean delete) {
        return switch (change.kind()) {
            case Inserted -> new Outcome(RowResult.Inserted, change.customerId(), null, null);
            case Updated -> new Outcome(RowResult.Updated, change.customerId(), null, null);
            case Deleted -> new Outcome(RowResult.Deleted, change.customerId(), null, null);
            case NotFound -> new Outcome(RowResult.Skipped, null, ErrorCode.CUSTOMER_NOT_FOUND, delete
                    ? "No customer with this key to delete." : "No customer with this CustomerId to update.");
        };
    }

    /** Customer ids drawn from the sequence a chunk's worth at a time, only once one is needed. */
    private static final class IdPool implements LongSupplier {
        private final CustomerRepository customers;
        private final int refill;
        private long[] ids = new long[0];
        private int next;

        IdPool(CustomerRepository customers, int refill) {
            this.customers = customers;
            this.refill = refill;
        }

        @Override
        public long getAsLong() {
            if (next == ids.length) {
                ids = customers.allocateIds(refill);
                next = 0;
            }
            return ids[next++];
        }
    }

    public void complete(String requestId) {
        uploads.find(requestId).orElseThrow().complete(clock.instant());
    }

    public void fail(String requestId, RequestStatus status, ErrorCode error, String details) {
        uploads.find(requestId).orElseThrow().failAs(status, error, details, clock.instant());
    }
}
