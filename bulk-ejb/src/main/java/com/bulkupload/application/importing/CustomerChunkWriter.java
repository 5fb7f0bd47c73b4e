package com.bulkupload.application.importing;

import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.ImportMetrics;
import com.bulkupload.application.SharedClock;
import com.bulkupload.domain.model.customer.CustomerChanges;
import com.bulkupload.domain.model.customer.CustomerField;
import com.bulkupload.domain.model.customer.CustomerList;
import com.bulkupload.domain.model.customer.CustomerListRepository;
import com.bulkupload.domain.model.customer.CustomerRepository;
import com.bulkupload.domain.model.customer.LookupField;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.tenant.TenantRepository;
import com.bulkupload.domain.model.upload.ResultFileLayout;
import com.bulkupload.domain.model.upload.RowCheck;
import com.bulkupload.domain.model.upload.RowResult;
import com.bulkupload.domain.model.upload.UploadRequest;
import com.bulkupload.domain.model.upload.UploadRequestRepository;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

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
    CustomerListRepository lists;

    @Inject
    TenantRepository tenants;

    @Inject
    ImportMetrics metrics = ImportMetrics.NONE;

    /** Writes a chunk's result lines while the chunk's changes go to the database. */
    @Resource
    ManagedExecutorService background;

    @Inject
    SharedClock clock;

    @Inject
    BulkSettings settings = BulkSettings.of(java.util.Map.of());

    @Resource
    SessionContext context;

    private static final Logger LOG = Logger.getLogger(CustomerChunkWriter.class.getName());

    /**
     * Applies the rows in file order (a later row with the same key sees what an earlier one did),
     * writes their result lines, and commits the changes, the counts and the checkpoint at once.
     * The customers are looked up with one query per list and written with a few set-based
     * statements (their net effect, {@link CustomerChanges}); each row still gets its own outcome.
     * A bulk file's list records are applied first, in file order, in the same transaction: its
     * items then know their lists.
     */
    public void write(ImportChunk chunk) {
        long start = System.nanoTime();
        ImportJob job = chunk.job();
        List<ImportRow> rows = chunk.rows();
        Instant now = clock.now();
        // the fence: a chunk of a taken-over import commits nothing (ImportLifecycle.ownedBy)
        UploadRequest request = uploads.find(job.requestId()).filter(r -> r.claimedBy(job.claim()))
                .orElseThrow(() -> new ImportTakenOver(job));
        ChunkLists chunkLists = new ChunkLists(job.requestId(), request.accountId(), now);

        // where each row goes, and the outcomes decided without looking at customers
        Target own = new Target(job.customerListId(), job.partitionName(), job.lookupField());
        Target[] targets = new Target[rows.size()];
        RowOutcome[] outcomes = new RowOutcome[rows.size()];
        Map<Target, Set<String>> keys = new LinkedHashMap<>();
        Map<String, Long> written = new HashMap<>();
        // each valid row's key hashed once, for the candidate now and the written key later
        long[][] keyHashes = new long[rows.size()][];
        int upserts = 0;
        for (int i = 0; i < rows.size(); i++) {
            RowCheck check = rows.get(i).check();
            if (check instanceof RowCheck.Valid valid) {
                targets[i] = own;
                keyHashes[i] = chunk.keys().hashOf(valid.key());
                long candidate = chunk.keys().candidate(keyHashes[i]);
                if (candidate == ImportedKeys.LOOK_UP) {
                    keys.computeIfAbsent(own, t -> new HashSet<>()).add(valid.key());
                } else if (candidate != ImportedKeys.NOT_THERE) {
                    written.put(valid.key(), candidate);
                }
                upserts += valid.delete() ? 0 : 1;
            } else if (check instanceof RowCheck.ListItem item) {
                Long listId = chunkLists.resolve(item);
                if (listId == null) {
                    outcomes[i] = RowOutcome.failed(ErrorCode.CUSTOMER_LIST_NOT_FOUND, "The item's list is not in this account.");
                } else {
                    targets[i] = new Target(listId, job.partitionName(), LookupField.Email);
                    keys.computeIfAbsent(targets[i], t -> new HashSet<>()).add(item.emailSha256());
                    upserts += item.remove() ? 0 : 1;
                }
            } else if (check instanceof RowCheck.ListRecord list) {
                outcomes[i] = chunkLists.apply(list);
            } else if (check instanceof RowCheck.Invalid invalid) {
                outcomes[i] = RowOutcome.failed(invalid.error(), invalid.reason());
            } else {
                // the Format Version record: read, nothing to change
                outcomes[i] = new RowOutcome(RowResult.Updated, null, null, null);
            }
        }
        int found = 0;
        Map<Target, Map<String, Long>> existing = new HashMap<>();
        if (!written.isEmpty()) {
            // what this first load wrote the keys as, confirmed by id; a key not confirmed is looked up
            Map<String, Long> confirmed = customers.confirmIds(own.listId(), own.lookupField(), written);
            existing.put(own, new HashMap<>(confirmed));
            found += confirmed.size();
            written.keySet().removeAll(confirmed.keySet());
            if (!written.isEmpty()) {
                keys.computeIfAbsent(own, t -> new HashSet<>()).addAll(written.keySet());
            }
        }
        for (Map.Entry<Target, Set<String>> entry : keys.entrySet()) {
            Target target = entry.getKey();
            Map<String, Long> ids = customers.findIdsByKeys(target.listId(), target.partition(), target.lookupField(), entry.getValue());
            existing.computeIfAbsent(target, t -> new HashMap<>()).putAll(ids);
            found += ids.size();
        }
        long looked = System.nanoTime();
        // ids for the inserts, fetched once per chunk (at most one per upsert row not found)
        IdPool ids = new IdPool(customers, Math.max(1, upserts - found));
        Map<Target, CustomerChanges> changes = new LinkedHashMap<>();
        boolean insertIfMissing = job.lookupField() != LookupField.Id;

        // counted by ordinal: a map merge boxed a Long for every row
        long[] byOutcome = new long[ROW_RESULTS.length];
        for (int i = 0; i < rows.size(); i++) {
            if (outcomes[i] == null) {
                Target target = targets[i];
                if (chunkLists.deleted(target.listId())) {
                    outcomes[i] = RowOutcome.failed(ErrorCode.CUSTOMER_LIST_NOT_FOUND, "The item's list is deleted by this upload.");
                } else {
                    // not computeIfAbsent: its lambda would capture the chunk's state and be allocated for every row
                    CustomerChanges listChanges = changes.get(target);
                    if (listChanges == null) {
                        listChanges = new CustomerChanges(target.listId(), target.partition(), job.requestId(), job.clientId(), now,
                                existing.getOrDefault(target, Map.of()), ids);
                        changes.put(target, listChanges);
                    }
                    if (rows.get(i).check() instanceof RowCheck.Valid valid) {
                        outcomes[i] = valid.delete()
                                ? outcome(listChanges.delete(valid.key()), true, null)
                                : outcome(listChanges.upsert(valid.key(), valid.values(), insertIfMissing), false, null);
                        if (outcomes[i].result() == RowResult.Inserted) {
                            chunk.keys().written(keyHashes[i], outcomes[i].customerId());
                        }
                    } else {
                        RowCheck.ListItem item = (RowCheck.ListItem) rows.get(i).check();
                        outcomes[i] = item.remove()
                                ? outcome(listChanges.delete(item.emailSha256()), true, target.listId())
                                : outcome(listChanges.upsert(item.emailSha256(), Map.of(CustomerField.EmailSha256, item.emailSha256()), true),
                                        false, target.listId());
                    }
                }
            }
            byOutcome[outcomes[i].result().ordinal()]++;
        }
        List<RowOutcome> inOrder = List.of(outcomes);
        // the result lines are written on another thread while this one streams the changes to the
        // database and mostly waits on its socket; on two cores shared with PostgreSQL this measured
        // neutral (the import is CPU-bound there), with the database on its own machine the lines
        // come off the critical path (docs/performance-profile.md)
        CompletableFuture<Void> lines = CompletableFuture.runAsync(() -> writeResults(chunk, inOrder), background());
        long decided = System.nanoTime();
        long applied;
        try {
            for (CustomerChanges listChanges : changes.values()) {
                customers.apply(listChanges.net());
            }
            applied = System.nanoTime();
        } catch (RuntimeException e) {
            lines.handle((done, failure) -> null).join();
            throw e;
        }
        try {
            lines.join();
            request.chunkApplied(chunk.recordsDone(), rows.size(), byOutcome[RowResult.Failed.ordinal()],
                    byOutcome[RowResult.Skipped.ordinal()], chunk.results().checkpoint(), now);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } catch (IOException e) {
            throw new ResultFileWriteFailed(job, e);
        }
        metrics.rowsCommitted(job.requestId(), counted(byOutcome));
        chunk.timeline().written(chunk.recordsDone(), start, looked, decided, applied, System.nanoTime());
    }

    /** A list partition a chunk writes into, and the key its rows find customers by. */
    private record Target(Long listId, String partition, LookupField lookupField) {
    }

    /**
     * The lists a bulk file's records name, resolved and changed in the chunk's transaction: a
     * new list is created once (a resumed import finds it by the request and the file's
     * reference), an existing one only if it is in the request's account (another account's list
     * answers as a missing one).
     */
    private final class ChunkLists {
        private final String requestId;
        private final Long accountId;
        private final Instant now;
        private Map<Long, CustomerList> created;
        private final Map<Long, Optional<CustomerList>> byId = new HashMap<>();
        private final Map<String, Optional<CustomerList>> byName = new HashMap<>();
        private final Set<Long> deleted = new HashSet<>();

        ChunkLists(String requestId, Long accountId, Instant now) {
            this.requestId = requestId;
            this.accountId = accountId;
            this.now = now;
        }

        RowOutcome apply(RowCheck.ListRecord record) {
            CustomerList list;
            boolean inserted = false;
            if (record.createsList()) {
                list = created().get(record.id());
                if (list == null) {
                    list = lists.store(CustomerList.createdByRecord(accountId, record.name(), now, requestId, record.id()));
                    created().put(record.id(), list);
                    inserted = true;
                }
            } else {
                list = existing(record.id()).orElse(null);
                if (list == null) {
                    return RowOutcome.failed(ErrorCode.CUSTOMER_LIST_NOT_FOUND, "No customer list " + record.id() + " in this account.");
                }
            }
            if (record.delete()) {
                if (list.id().equals(tenants.findAccount(accountId).orElseThrow().defaultListId())) {
                    return RowOutcome.failed(ErrorCode.INVALID_CUSTOMER_LIST_RECORD, "The account's default list cannot be deleted.");
                }
                Long id = list.id();
                lists.delete(list);
                deleted.add(id);
                byId.put(id, Optional.empty());
                byName.clear();
                return new RowOutcome(RowResult.Deleted, null, null, null, id);
            }
            list.describe(record.name(), record.description(), record.membershipDuration(), record.scope());
            if (record.action() == RowCheck.ListAction.Replace) {
                list.replaceContentsBy(requestId);
            }
            return new RowOutcome(inserted ? RowResult.Inserted : RowResult.Updated, null, null, null, list.id());
        }

        /** The id of the item's list, or null when there is none in the account. */
        Long resolve(RowCheck.ListItem item) {
            Optional<CustomerList> list;
            if (item.parentId() != null) {
                list = item.parentId() < 0 ? Optional.ofNullable(created().get(item.parentId())) : existing(item.parentId());
            } else {
                list = byName.computeIfAbsent(item.audience(), name -> lists.findByNameInAccount(name, accountId));
            }
            return list.map(CustomerList::id).filter(id -> !deleted.contains(id)).orElse(null);
        }

        boolean deleted(Long listId) {
            return deleted.contains(listId);
        }

        private Optional<CustomerList> existing(Long id) {
            return byId.computeIfAbsent(id, key -> lists.findInAccount(key, accountId));
        }

        private Map<Long, CustomerList> created() {
            if (created == null) {
                created = lists.createdByRequest(requestId);
            }
            return created;
        }
    }

    private static final RowResult[] ROW_RESULTS = RowResult.values();

    private static Map<RowResult, Long> counted(long[] byOutcome) {
        Map<RowResult, Long> counted = new EnumMap<>(RowResult.class);
        for (RowResult result : ROW_RESULTS) {
            if (byOutcome[result.ordinal()] > 0) {
                counted.put(result, byOutcome[result.ordinal()]);
            }
        }
        return counted;
    }

    private static void writeResults(ImportChunk chunk, List<RowOutcome> outcomes) {
        try {
            for (int i = 0; i < outcomes.size(); i++) {
                chunk.results().write(chunk.rows().get(i), outcomes.get(i));
            }
        } catch (IOException e) {
            throw new ResultFileWriteFailed(chunk.job(), e);
        }
    }

    /** The container's managed executor; without a container (tests, tools), the caller's thread. */
    private Executor background() {
        return background != null ? background : Runnable::run;
    }

    /**
     * The most rows a first load remembers the ids of: 21 bytes a row, 64 MB for 3M, and an import
     * slot each (two by default) in the server's 512 MB heap. A bigger file loads as any import.
     */
    static final long FIRST_LOAD_MAX_ROWS = 3_000_000;

    /**
     * How the import's chunks treat its keys ({@link ImportedKeys}), decided when it starts or
     * resumes. An upload of rows into its own list that holds no customer is the list's first
     * load (on a database that keeps lists apart: PostgreSQL), or at least an import into an empty
     * list. A first load left unfinished by another request (one that ended without finishing it)
     * is finished first, so that its customers are in the list this import writes to.
     */
    public ImportedKeys keysOf(ImportJob job, long rows) {
        // a bulk file writes into the lists its records name, not the request's own
        boolean ownList = uploads.find(job.requestId()).map(r -> r.resultLayout() == ResultFileLayout.Rows).orElse(true);
        if (!ownList) {
            return ImportedKeys.anyMayExist();
        }
        Long list = job.customerListId();
        Optional<String> unfinished = customers.unfinishedFirstLoad(list);
        if (unfinished.isPresent()) {
            if (unfinished.get().isEmpty()) {
                return ImportedKeys.firstLoad(rows); // its table is bare and empty: this import loads it
            }
            if (unfinished.get().equals(job.requestId()) && job.recordsDone() > 0) {
                self().indexFirstLoad(list);
                return ImportedKeys.resumedFirstLoad();
            }
            customers.finishFirstLoad(list);
        }
        if (job.recordsDone() > 0 || job.lookupField() == LookupField.Id || !customers.isEmpty(list)) {
            return ImportedKeys.anyMayExist();
        }
        if (rows >= settings.firstLoadMinRows() && rows <= FIRST_LOAD_MAX_ROWS && customers.beginFirstLoad(list)) {
            return ImportedKeys.firstLoad(rows);
        }
        return ImportedKeys.intoEmptyList(rows);
    }

    /**
     * Finishes the list's first load, if it has an unfinished one, in a transaction of its own:
     * when the import ends, however it ends, what it committed becomes part of the list. Not for
     * an import that was taken over: its new owner finishes it.
     */
    public void finishFirstLoad(ImportJob job) {
        uploads.find(job.requestId()).filter(r -> r.claimedBy(job.claim())).orElseThrow(() -> new ImportTakenOver(job));
        customers.finishFirstLoad(job.customerListId());
    }

    /**
     * Builds the lookup indexes of the list's unfinished first load, all at once: each in a
     * transaction of its own on the container's asynchronous pool, while the caller waits.
     * PostgreSQL builds an index on one core; the three of a 1M-row list took 1.8-2.0 s at once
     * against 2.7-3.1 s one after another on two cores (docs/performance-profile.md, "The index
     * builds at once"). An index that could not be built here (another node building the same one
     * after a takeover, say) is left to the attach, which builds whatever index a table lacks.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void indexFirstLoad(Long listId) {
        CustomerChunkWriter self = self();
        List<Future<Void>> builds = new ArrayList<>();
        for (LookupField field : LookupField.values()) {
            if (field.column().isPresent()) {
                builds.add(self.indexFirstLoadBy(listId, field));
            }
        }
        for (Future<Void> build : builds) {
            try {
                build.get();
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "A lookup index of list " + listId + " was not built ahead of its attach, which builds it", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One lookup index of an unfinished first load ({@link #indexFirstLoad}), in a transaction of its own. */
    @Asynchronous
    public Future<Void> indexFirstLoadBy(Long listId, LookupField field) {
        customers.indexFirstLoad(listId, field);
        return CompletableFuture.completedFuture(null);
    }

    /** This bean through the container, so that its asynchronous methods run as such; itself without a container (tests). */
    private CustomerChunkWriter self() {
        return context != null ? context.getBusinessObject(CustomerChunkWriter.class) : this;
    }

    /** After an import: the database's statistics of the list's customers, in a transaction of its own. */
    public void refreshStatistics(Long listId) {
        customers.refreshStatistics(listId);
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

    private static RowOutcome outcome(CustomerChanges.Change change, boolean delete, Long listId) {
        return switch (change.kind()) {
            case Inserted -> new RowOutcome(RowResult.Inserted, change.customerId(), null, null, listId);
            case Updated -> new RowOutcome(RowResult.Updated, change.customerId(), null, null, listId);
            case Deleted -> new RowOutcome(RowResult.Deleted, change.customerId(), null, null, listId);
            case NotFound -> new RowOutcome(RowResult.Skipped, null, ErrorCode.CUSTOMER_NOT_FOUND, delete
                    ? "No customer with this key to delete." : "No customer with this CustomerId to update.", listId);
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
