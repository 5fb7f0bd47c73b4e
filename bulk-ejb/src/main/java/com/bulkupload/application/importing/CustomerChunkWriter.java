package com.bulkupload.application.importing;

import com.bulkupload.application.ImportMetrics;
import com.bulkupload.domain.model.customer.CustomerChanges;
import com.bulkupload.domain.model.customer.CustomerRepository;
import com.bulkupload.domain.model.customer.LookupField;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.upload.RowCheck;
import com.bulkupload.domain.model.upload.RowResult;
import com.bulkupload.domain.model.upload.UploadRequest;
import com.bulkupload.domain.model.upload.UploadRequestRepository;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * The writer of the import pipeline: applies a chunk of rows to the customer list and commits the
 * changes, the request's counts and its checkpoint (records done, result file length) in one
 * transaction, so that a crash loses nothing and doubles nothing.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CustomerChunkWriter {

    @Inject
    UploadRequestRepository uploads;

    @Inject
    CustomerRepository customers;

    @Inject
    ImportMetrics metrics = ImportMetrics.NONE;

    /** Writes a chunk's result lines while the chunk's changes go to the database. */
    @Resource
    ManagedExecutorService background;

    Clock clock = Clock.systemUTC();

    /**
     * Applies the rows in file order (a later row with the same key sees what an earlier one did),
     * writes their result lines, and commits the changes, the counts and the checkpoint at once.
     * The customers are looked up with one query and written with a few set-based statements
     * (their net effect, {@link CustomerChanges}); each row still gets its own outcome.
     */
    public void write(ImportChunk chunk) {
        ImportJob job = chunk.job();
        List<ImportRow> rows = chunk.rows();
        Instant now = clock.instant();
        UploadRequest request = uploads.find(job.requestId()).orElseThrow();
        Set<String> keys = new HashSet<>();
        int upserts = 0;
        for (ImportRow row : rows) {
            if (row.check() instanceof RowCheck.Valid valid) {
                if (chunk.keys().mayExist(valid.key(), !valid.delete())) {
                    keys.add(valid.key());
                }
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
        Map<RowResult, Long> byOutcome = new EnumMap<>(RowResult.class);
        List<RowOutcome> outcomes = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            RowOutcome outcome;
            if (row.check() instanceof RowCheck.Valid valid) {
                outcome = valid.delete()
                        ? outcome(changes.delete(valid.key()), true)
                        : outcome(changes.upsert(valid.key(), valid.values(), insertIfMissing), false);
            } else {
                RowCheck.Invalid invalid = (RowCheck.Invalid) row.check();
                outcome = RowOutcome.failed(invalid.error(), invalid.reason());
            }
            byOutcome.merge(outcome.result(), 1L, Long::sum);
            if (outcome.result() == RowResult.Failed) {
                failed++;
            } else if (outcome.result() == RowResult.Skipped) {
                warnings++;
            }
            outcomes.add(outcome);
        }
        // the result lines are written on another thread while this one streams the changes to the
        // database and mostly waits on its socket; on two cores shared with PostgreSQL this measured
        // neutral (the import is CPU-bound there), with the database on its own machine the lines
        // come off the critical path (docs/performance-profile.md)
        CompletableFuture<Void> lines = CompletableFuture.runAsync(() -> writeResults(chunk, outcomes), background());
        try {
            customers.apply(changes.net());
        } catch (RuntimeException e) {
            lines.handle((done, failure) -> null).join();
            throw e;
        }
        try {
            lines.join();
            request.chunkApplied(chunk.recordsDone(), rows.size(), failed, warnings, chunk.results().checkpoint(), now);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the result file of " + job.requestId(), e);
        }
        metrics.rowsCommitted(job.requestId(), byOutcome);
    }

    private static void writeResults(ImportChunk chunk, List<RowOutcome> outcomes) {
        try {
            for (int i = 0; i < outcomes.size(); i++) {
                chunk.results().write(chunk.rows().get(i), outcomes.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the result file of " + chunk.job().requestId(), e);
        }
    }

    /** The container's managed executor; without a container (tests, tools), the caller's thread. */
    private Executor background() {
        return background != null ? background : Runnable::run;
    }

    /**
     * The keys the import's chunks share: a filter of what it writes if it starts from its first
     * record into a list without customers, else "look every key up".
     */
    public ImportedKeys keysOf(ImportJob job, long rows) {
        return job.recordsDone() == 0 && customers.isEmpty(job.customerListId())
                ? ImportedKeys.intoEmptyList(rows)
                : ImportedKeys.anyMayExist();
    }

    /** After an import: the database's statistics of the customers, in a transaction of its own. */
    public void refreshStatistics() {
        customers.refreshStatistics();
    }

    /**
     * {@link #write} on the container's asynchronous thread pool, so that the importer reads and
     * validates the next chunk while this one is written ({@link OneChunkInFlight}).
     */
    @Asynchronous
    public Future<Void> writeAsync(ImportChunk chunk) {
        write(chunk);
        return CompletableFuture.completedFuture(null);
    }

    private static RowOutcome outcome(CustomerChanges.Change change, boolean delete) {
        return switch (change.kind()) {
            case Inserted -> new RowOutcome(RowResult.Inserted, change.customerId(), null, null);
            case Updated -> new RowOutcome(RowResult.Updated, change.customerId(), null, null);
            case Deleted -> new RowOutcome(RowResult.Deleted, change.customerId(), null, null);
            case NotFound -> new RowOutcome(RowResult.Skipped, null, ErrorCode.CUSTOMER_NOT_FOUND, delete
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
}
