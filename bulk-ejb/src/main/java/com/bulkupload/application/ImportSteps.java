package com.bulkupload.application;

import com.bulkupload.domain.model.customer.Customer;
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
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
     */
    public void applyChunk(ImportJob job, UploadHeader header, List<ImportRow> rows, long recordsDone, ResultFileWriter results) {
        Instant now = clock.instant();
        UploadRequest request = uploads.find(job.requestId()).orElseThrow();
        Set<String> keys = new LinkedHashSet<>();
        for (ImportRow row : rows) {
            if (row.check() instanceof RowCheck.Valid valid) {
                keys.add(valid.key());
            }
        }
        Map<String, Customer> known = customers.findByKeys(job.customerListId(), job.partitionName(), job.lookupField(), keys);

        long failed = 0;
        long warnings = 0;
        try {
            for (ImportRow row : rows) {
                Outcome outcome = row.check() instanceof RowCheck.Valid valid
                        ? apply(job, valid, known, now)
                        : new Outcome(RowResult.Failed, null, ((RowCheck.Invalid) row.check()).error(), ((RowCheck.Invalid) row.check()).reason());
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
            request.chunkApplied(recordsDone, rows.size(), failed, warnings, results.checkpoint(), now);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the result file of " + job.requestId(), e);
        }
    }

    /** What became of one row: its result, the customer's id, and for failures and warnings why. */
    record Outcome(RowResult result, Long customerId, ErrorCode error, String reason) {
    }

    private Outcome apply(ImportJob job, RowCheck.Valid row, Map<String, Customer> known, Instant now) {
        Customer customer = known.get(row.key());
        if (row.delete()) {
            if (customer == null) {
                return new Outcome(RowResult.Skipped, null, ErrorCode.CUSTOMER_NOT_FOUND, "No customer with this key to delete.");
            }
            customers.remove(customer);
            known.remove(row.key());
            return new Outcome(RowResult.Deleted, customer.id(), null, null);
        }
        if (customer == null) {
            if (job.lookupField() == LookupField.Id) {
                return new Outcome(RowResult.Skipped, null, ErrorCode.CUSTOMER_NOT_FOUND, "No customer with this CustomerId to update.");
            }
            customer = new Customer(job.customerListId(), job.partitionName(), now);
            customer.update(row.values(), job.requestId(), job.clientId(), now);
            customers.store(customer);
            known.put(row.key(), customer);
            return new Outcome(RowResult.Inserted, customer.id(), null, null);
        }
        customer.update(row.values(), job.requestId(), job.clientId(), now);
        return new Outcome(RowResult.Updated, customer.id(), null, null);
    }

    public void complete(String requestId) {
        uploads.find(requestId).orElseThrow().complete(clock.instant());
    }

    public void fail(String requestId, RequestStatus status, ErrorCode error, String details) {
        uploads.find(requestId).orElseThrow().failAs(status, error, details, clock.instant());
    }
}
