package com.bulkupload.application.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.CallerContext;
import com.bulkupload.application.TestDatabase;
import com.bulkupload.application.identity.AdminService;
import com.bulkupload.application.requests.OpenRequestCommand;
import com.bulkupload.application.requests.UploadRequestService;
import com.bulkupload.domain.model.customer.Customer;
import com.bulkupload.domain.model.customer.CustomerField;
import com.bulkupload.domain.model.customer.CustomerRepository;
import com.bulkupload.domain.model.upload.Protocol;
import com.bulkupload.domain.model.upload.RequestStatus;
import com.bulkupload.domain.model.upload.UploadHeader;
import com.bulkupload.infrastructure.persistence.jpa.JpaCustomerRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list's first load on the real PostgreSQL (docs/design.md, "A table per list"): chunks written
 * into the list's bare table, found again by the ids the import remembers, unreadable until the
 * load is finished, and finished exactly once however the import ends or resumes.
 */
class FirstLoadTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final UploadHeader HEADER = UploadHeader.of(List.of("ClientId", "Action", "Email", "FirstName", "CustomerId"));
    /** What the pre-scan would have counted: enough rows for a first load. */
    private static final long ROWS = 30_000;

    @TempDir
    Path dir;

    private TestDatabase db;
    private ImportLifecycle lifecycle;
    private CustomerChunkWriter writer;
    private JpaCustomerRepository customers;
    private UploadRequestService service;
    private AdminService admin;
    private Long tenant;

    @BeforeEach
    void setUp() {
        db = TestDatabase.onPostgres();
        admin = db.admin();
        tenant = db.inTransaction(() -> admin.createTenant("Acme"));
        service = db.requestService(BulkSettings.of(Map.of()), T0);
        customers = new JpaCustomerRepository(db.em);
        lifecycle = ImportingTestWiring.lifecycle(db, customers, Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC));
        writer = ImportingTestWiring.writer(db, customers, lifecycle.clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private record Account(CallerContext caller, Long listId) {
    }

    private Account account() {
        AdminService.NewAccount account = db.inTransaction(() -> admin.createAccount(tenant, "EU"));
        return new Account(new CallerContext("client-a", tenant, account.accountId()), account.defaultCustomerListId());
    }

    private ImportJob job(Account account) {
        String requestId = db.inTransaction(() -> service.open(account.caller(),
                new OpenRequestCommand("ErrorsAndResults", account.caller().accountId(), null, "Email", null, null), Protocol.Bing)).requestId();
        db.inTransaction(() -> {
            db.uploads.find(requestId).orElseThrow().fileUploaded("f.csv", "text/csv", null, null, 1, T0);
            return null;
        });
        return db.inTransaction(() -> lifecycle.claim(requestId));
    }

    /** The same claim, as a resumed import sees it: this many records committed. */
    private static ImportJob resumed(ImportJob job, long recordsDone) {
        return new ImportJob(job.requestId(), job.protocol(), job.customerListId(), job.partitionName(), job.lookupField(),
                job.responseMode(), job.clientId(), job.fileName(), job.contentType(), job.charset(), job.declaredFormat(),
                job.rowsTotal(), recordsDone, job.resultBytes(), job.columnMappings(), job.claim(), job.resultClaim());
    }

    /** One chunk of the import, ending at record {@code recordsDone}; the result lines: Row, Result, CustomerId, ErrorCode. */
    private List<String> apply(ImportJob job, ImportedKeys keys, long recordsDone, List<List<String>> records) throws IOException {
        return ImportingTestWiring.writeChunk(db, writer, job, HEADER, () -> keys, recordsDone, records, dir);
    }

    /** The list as every reader sees it (through {@code customer}): email to first name. */
    private Map<String, String> read(Long listId) {
        List<Customer> page = db.inTransaction(() -> customers.page(listId, new CustomerRepository.CustomerFilter(null, null, null, null), 0, 100));
        Map<String, String> list = new TreeMap<>();
        page.forEach(c -> list.put(c.get(CustomerField.Email), String.valueOf(c.get(CustomerField.FirstName))));
        return list;
    }

    /** Whether the list's table is a partition of customer: "attached", "bare", or "none". */
    private String table(Long listId) {
        return db.inTransaction(() -> db.em.unwrap(Session.class).doReturningWork(connection -> {
            try (var ps = connection.prepareStatement("select case when c is null then 'none'"
                    + " when exists (select 1 from pg_inherits where inhrelid = c) then 'attached' else 'bare' end from to_regclass(?) c")) {
                ps.setString(1, "customer_p" + listId);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        }));
    }

    private Map<String, Long> indexes(Long listId) {
        return db.inTransaction(() -> db.em.unwrap(Session.class).doReturningWork(connection -> {
            Map<String, Long> found = new TreeMap<>();
            try (var ps = connection.prepareStatement("select indexdef from pg_indexes where tablename = ? and schemaname = current_schema()")) {
                ps.setString(1, "customer_p" + listId);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.merge(rs.getString(1).replaceAll(".* USING btree ", ""), 1L, Long::sum);
                    }
                }
            }
            return found;
        }));
    }

    /** A first load into the account's new list that has committed one chunk: a@x.com (Ann) and b@x.com (Bob). */
    private ImportJob firstLoadWithOneChunk(Account account) throws IOException {
        ImportJob job = job(account);
        ImportedKeys keys = db.inTransaction(() -> writer.keysOf(job, ROWS));
        assertTrue(keys.firstLoad());
        apply(job, keys, 2, List.of(List.of("c1", "", "a@x.com", "Ann", ""), List.of("c2", "", "b@x.com", "Bob", "")));
        return job;
    }

    private void complete(ImportJob job) {
        db.inTransaction(() -> {
            db.uploads.find(job.requestId()).filter(r -> r.status() == RequestStatus.InProgress).ifPresent(r -> r.complete(T0.plusSeconds(2)));
            return null;
        });
    }

    @Test
    void aFirstLoadIsWrittenBareFindsItsOwnRowsAgainAndIsReadableOnlyOnceFinishedWithItsIndexes() throws IOException {
        Account account = account();
        ImportJob job = job(account);
        ImportedKeys keys = db.inTransaction(() -> writer.keysOf(job, ROWS));
        assertTrue(keys.firstLoad());
        assertEquals("bare", table(account.listId()));
        assertEquals(Map.of("(customer_list_id, id)", 1L), indexes(account.listId()), "only the primary key while it loads");

        List<String> first = apply(job, keys, 3, List.of(
                List.of("c1", "", "a@x.com", "Ann", ""),
                List.of("c2", "", "b@x.com", "Bob", ""),
                List.of("c3", "", "c@x.com", "Cy", "")));
        long a = Long.parseLong(first.get(0).split(" ")[2]);
        long b = Long.parseLong(first.get(1).split(" ")[2]);
        List<String> second = apply(job, keys, 6, List.of(
                List.of("d1", "", "a@x.com", "Anna", ""),
                List.of("d2", "Delete", "b@x.com", "", ""),
                List.of("d3", "", "d@x.com", "Di", "")));
        assertEquals("2 Updated " + a + " ", second.get(0), "a key of an earlier chunk is found by the id the load remembered");
        assertEquals("3 Deleted " + b + " ", second.get(1));
        List<String> third = apply(job, keys, 7, List.of(List.of("e1", "", "b@x.com", "Bea", "")));
        assertTrue(third.get(0).startsWith("2 Inserted "), "a remembered id whose customer is gone is not taken: " + third);
        assertFalse(third.get(0).equals("2 Inserted " + b + " "));

        assertEquals(Map.of(), read(account.listId()), "nobody reads a list while its first load runs");
        assertTrue(db.inTransaction(() -> customers.isEmpty(account.listId())));

        db.inTransaction(() -> {
            writer.finishFirstLoad(job);
            return null;
        });
        assertEquals("attached", table(account.listId()));
        assertEquals(Map.of("a@x.com", "Anna", "b@x.com", "Bea", "c@x.com", "Cy", "d@x.com", "Di"), read(account.listId()));
        assertEquals(Map.of("(customer_list_id, id)", 1L, "(email_sha256, partition_name)", 1L, "(external_id, partition_name)", 1L,
                "(phone, partition_name)", 1L), indexes(account.listId()), "the lookup indexes, built once by the attach");
        db.inTransaction(() -> {
            writer.finishFirstLoad(job);
            return null;
        });
        assertEquals("attached", table(account.listId()), "finishing twice is finishing once");
    }

    @Test
    void lookupIndexesBuiltAheadOfTheAttachOneByOneAreTheOnesTheAttachTakes() throws IOException {
        Account account = account();
        ImportJob job = firstLoadWithOneChunk(account);

        db.inTransaction(() -> {
            writer.indexFirstLoad(account.listId());
            return null;
        });
        Map<String, Long> built = indexes(account.listId());
        assertEquals("bare", table(account.listId()), "building its indexes does not make a load readable");
        assertEquals(Map.of("(customer_list_id, id)", 1L, "(email_sha256, partition_name)", 1L, "(external_id, partition_name)", 1L,
                "(phone, partition_name)", 1L), built, "one index a lookup field, none for Id (the primary key)");

        db.inTransaction(() -> {
            writer.finishFirstLoad(job);
            return null;
        });
        assertEquals("attached", table(account.listId()));
        assertEquals(built, indexes(account.listId()), "the attach took the indexes as they were and built none of its own");
        assertEquals(Map.of("a@x.com", "Ann", "b@x.com", "Bob"), read(account.listId()));
    }

    @Test
    void aResumedFirstLoadLooksItsKeysUpThroughIndexesOnItsBareTableAndFinishesWhenItEnds() throws IOException {
        Account account = account();
        ImportJob job = firstLoadWithOneChunk(account);

        // the node died: the same request resumes after its committed chunk, without what the import remembered
        ImportJob again = resumed(job, 2);
        ImportedKeys resumedKeys = db.inTransaction(() -> writer.keysOf(again, ROWS));
        assertTrue(resumedKeys.firstLoad());
        assertEquals(ImportedKeys.LOOK_UP, ImportedKeysTest.candidate(resumedKeys, "a@x.com"));
        assertEquals("bare", table(account.listId()));
        assertEquals(4, indexes(account.listId()).size(), "the lookups of a resumed load go through indexes: " + indexes(account.listId()));
        List<String> lines = apply(again, resumedKeys, 3, List.of(List.of("d1", "", "a@x.com", "Anna", "")));
        assertTrue(lines.get(0).startsWith("2 Updated "), lines.toString());

        db.inTransaction(() -> {
            writer.finishFirstLoad(again);
            return null;
        });
        assertEquals(Map.of("a@x.com", "Anna", "b@x.com", "Bob"), read(account.listId()));
        assertEquals(4, indexes(account.listId()).size(), "the attach took the indexes the table had: " + indexes(account.listId()));
    }

    @Test
    void aFirstLoadLeftUnfinishedByAnotherRequestIsFinishedBeforeTheNextImportWritesTheList() throws IOException {
        Account account = account();
        ImportJob failed = job(account);
        ImportedKeys keys = db.inTransaction(() -> writer.keysOf(failed, ROWS));
        apply(failed, keys, 1, List.of(List.of("c1", "", "a@x.com", "Ann", "")));
        complete(failed); // ended without finishing its load (its database was unreachable then)

        ImportJob next = job(account);
        ImportedKeys nextKeys = db.inTransaction(() -> writer.keysOf(next, ROWS));
        assertFalse(nextKeys.firstLoad(), "the list has customers now");
        assertEquals("attached", table(account.listId()));
        assertEquals(Map.of("a@x.com", "Ann"), read(account.listId()));
        List<String> lines = apply(next, nextKeys, 1, List.of(List.of("d1", "", "a@x.com", "Al", "")));
        assertTrue(lines.get(0).startsWith("2 Updated "), lines.toString());
    }

    @Test
    void theHourlySweepFinishesAFirstLoadNoImportIsComingToAndLeavesARunningOneAlone() throws IOException {
        Account running = account();
        ImportJob loading = job(running);
        apply(loading, db.inTransaction(() -> writer.keysOf(loading, ROWS)), 1, List.of(List.of("c1", "", "a@x.com", "Ann", "")));
        Account abandoned = account();
        ImportJob failed = job(abandoned);
        apply(failed, db.inTransaction(() -> writer.keysOf(failed, ROWS)), 1, List.of(List.of("c1", "", "b@x.com", "Bob", "")));
        db.inTransaction(() -> {
            db.uploads.find(failed.requestId()).orElseThrow().fail(com.bulkupload.domain.model.error.ErrorCode.INTERNAL_ERROR, null,
                    T0.plusSeconds(3));
            return null;
        });

        var maintenance = com.bulkupload.application.maintenance.MaintenanceTestWiring.maintenance(db, Clock.fixed(T0, ZoneOffset.UTC));
        db.inTransaction(() -> {
            maintenance.finishAbandonedFirstLoads();
            return null;
        });
        assertEquals("attached", table(abandoned.listId()));
        assertEquals(Map.of("b@x.com", "Bob"), read(abandoned.listId()), "what the failed request committed is in its list");
        assertEquals("bare", table(running.listId()), "a load whose import runs is its import's to finish");
    }

    @Test
    void smallImportsAndBulkFilesWriteIntoTheListsTableAttachedFromTheStart() throws IOException {
        Account account = account();
        ImportJob job = job(account);
        ImportedKeys keys = db.inTransaction(() -> writer.keysOf(job, 10));
        assertFalse(keys.firstLoad(), "10 rows are not worth a first load");
        assertEquals("none", table(account.listId()));
        apply(job, keys, 1, List.of(List.of("c1", "", "a@x.com", "Ann", "")));
        assertEquals("attached", table(account.listId()));
        assertEquals(Map.of("a@x.com", "Ann"), read(account.listId()), "readable as it fills");
    }
}
