package com.bulkupload.application.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import com.bulkupload.domain.model.customer.EmailHashes;
import com.bulkupload.domain.model.upload.Protocol;
import com.bulkupload.domain.model.upload.RequestStatus;
import com.bulkupload.domain.model.upload.UploadRequest;
import com.bulkupload.domain.model.upload.UploadHeader;
import com.bulkupload.infrastructure.persistence.jpa.JpaCustomerRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunks written to a real (H2) database through the import's set-based write path. */
class CustomerChunkWriterTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final UploadHeader HEADER = UploadHeader.of(List.of("ClientId", "Action", "Email", "FirstName", "CustomerId"));

    @TempDir
    Path dir;

    private TestDatabase db;
    private ImportLifecycle lifecycle;
    private CustomerChunkWriter writer;
    private JpaCustomerRepository customers;
    private UploadRequestService service;
    private CallerContext caller;
    private Long listId;
    /** Each import's keys, shared by its chunks as the importer shares them. */
    private final Map<String, ImportedKeys> keys = new java.util.HashMap<>();

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        AdminService admin = db.admin();
        Long tenant = db.inTransaction(() -> admin.createTenant("Acme"));
        AdminService.NewAccount account = db.inTransaction(() -> admin.createAccount(tenant, "EU"));
        caller = new CallerContext("client-a", tenant, account.accountId());
        listId = account.defaultCustomerListId();
        service = db.requestService(BulkSettings.of(Map.of()), T0);
        customers = new JpaCustomerRepository(db.em);
        lifecycle = ImportingTestWiring.lifecycle(db, customers, Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC));
        writer = ImportingTestWiring.writer(db, customers, lifecycle.clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** A new import of the account, claimed as a slot claims it; the account's earlier one ends first (one at a time). */
    private ImportJob job(String lookupField) {
        for (String earlier : keys.keySet()) {
            db.inTransaction(() -> {
                db.uploads.find(earlier).filter(r -> r.status() == RequestStatus.InProgress).ifPresent(r -> r.complete(T0.plusSeconds(2)));
                return null;
            });
        }
        String requestId = db.inTransaction(() -> service.open(caller,
                new OpenRequestCommand("ErrorsAndResults", caller.accountId(), null, lookupField, null, null), Protocol.Bing)).requestId();
        db.inTransaction(() -> {
            db.uploads.find(requestId).orElseThrow().fileUploaded("f.csv", "text/csv", null, null, 1, T0);
            return null;
        });
        return db.inTransaction(() -> lifecycle.claim(requestId));
    }

    /** Applies the rows as one chunk and returns the result lines it wrote: Row, Result, CustomerId, ErrorCode. */
    private List<String> apply(ImportJob job, List<List<String>> records) throws IOException {
        return ImportingTestWiring.writeChunk(db, writer, job, HEADER, () -> keys.computeIfAbsent(job.requestId(), id -> writer.keysOf(job, 1000)),
                records.size(), records, dir);
    }

    private Map<String, String> list() {
        List<Customer> page = db.inTransaction(() -> customers.page(listId, new CustomerRepository.CustomerFilter(null, null, null, null), 0, 100));
        return page.stream().collect(Collectors.toMap(c -> c.get(CustomerField.Email), c -> String.valueOf(c.get(CustomerField.FirstName))));
    }

    private long idOf(String email) {
        return db.inTransaction(() -> customers.page(listId, new CustomerRepository.CustomerFilter(EmailHashes.of(email), null, null, null), 0, 1)).get(0).id();
    }

    @Test
    void aChunkOfAnImportTakenOverCommitsNothing() throws IOException {
        ImportJob stale = job("Email");
        db.inTransaction(() -> {
            // the importer stopped beating (killed, or frozen): another claims the request
            UploadRequest request = db.uploads.find(stale.requestId()).orElseThrow();
            Instant later = T0.plus(Duration.ofDays(1));
            assertTrue(request.claimForImport(later, later));
            return null;
        });
        assertThrows(ImportTakenOver.class, () -> apply(stale, List.of(List.of("c1", "", "stale@x.com", "Ann", ""))));
        assertEquals(Map.of(), list(), "the frozen importer's rows were not written");
        assertEquals(0, db.inTransaction(() -> db.uploads.find(stale.requestId()).orElseThrow().progress().recordsDone()));
    }

    @Test
    void rowsApplyInFileOrderWithinAndAcrossChunks() throws IOException {
        ImportJob job = job("Email");
        List<String> first = apply(job, List.of(
                List.of("c1", "", "A@x.com", "Ann", ""),
                List.of("c2", "", "b@x.com", "Bob", ""),
                List.of("c3", "", "a@x.com", "Anna", ""),
                List.of("c4", "Delete", "b@x.com", "", ""),
                List.of("c5", "Delete", "zz@x.com", "", ""),
                List.of("c6", "", "not-an-email", "X", ""),
                List.of("c7", "", "b@x.com", "Bea", "")));
        long a = idOf("a@x.com");
        long b = idOf("b@x.com");
        assertEquals(List.of(
                "2 Inserted " + a + " ",
                "3 Inserted " + (b - 1) + " ",
                "4 Updated " + a + " ",
                "5 Deleted " + (b - 1) + " ",
                "6 Skipped  CustomerNotFound",
                "7 Failed  InvalidEmail",
                "8 Inserted " + b + " "), first);
        assertEquals(Map.of("a@x.com", "Anna", "b@x.com", "Bea"), list());

        List<String> second = apply(job, List.of(
                List.of("d1", "", "a@x.com", "", ""),
                List.of("d2", "Delete", "b@x.com", "", ""),
                List.of("d3", "", "c@x.com", "Cy", "")));
        assertEquals("2 Updated " + a + " ", second.get(0));
        assertEquals("3 Deleted " + b + " ", second.get(1));
        assertEquals(Map.of("a@x.com", "null", "c@x.com", "Cy"), list(), "an empty value clears the column");
    }

    @Test
    void anImportIntoAnEmptyListFiltersItsLookupsAndOneIntoAFullListOrResumedLooksEveryKeyUp() throws IOException {
        ImportJob first = job("Email");
        ImportedKeys intoEmpty = db.inTransaction(() -> writer.keysOf(first, 1000));
        assertEquals(ImportedKeys.NOT_THERE, ImportedKeysTest.candidate(intoEmpty, "never-written@x.com"), "nothing is in an empty list");
        apply(first, List.of(List.of("c1", "", "a@x.com", "Ann", "")));
        ImportJob second = job("Email");
        assertEquals(ImportedKeys.LOOK_UP, ImportedKeysTest.candidate(db.inTransaction(() -> writer.keysOf(second, 1000)), "never-written@x.com"),
                "the list holds customers now");
        ImportJob resumed = new ImportJob(first.requestId(), first.protocol(), first.customerListId(), first.partitionName(),
                first.lookupField(), first.responseMode(), first.clientId(), first.fileName(), first.contentType(), first.charset(),
                first.declaredFormat(), first.rowsTotal(), 1, first.resultBytes(), first.columnMappings(),
                first.claim(), first.resultClaim());
        assertEquals(List.of("2 Updated " + idOf("a@x.com") + " "), apply(second, List.of(List.of("d1", "", "a@x.com", "Al", ""))),
                "the second import finds what the first wrote");
        assertEquals(ImportedKeys.LOOK_UP, ImportedKeysTest.candidate(db.inTransaction(() -> writer.keysOf(resumed, 1000)), "never-written@x.com"),
                "a resumed import cannot know what it wrote before");
    }

    @Test
    void idLookupUpdatesKnownCustomersAndSkipsUnknownOnes() throws IOException {
        apply(job("Email"), List.of(List.of("c1", "", "a@x.com", "Ann", "")));
        long a = idOf("a@x.com");
        List<String> lines = apply(job("Id"), List.of(
                List.of("c1", "", "a@x.com", "Alice", Long.toString(a)),
                List.of("c2", "", "n@x.com", "New", Long.toString(a + 1000))));
        assertEquals(List.of("2 Updated " + a + " ", "3 Skipped " + (a + 1000) + " CustomerNotFound"), lines);
        assertEquals(Map.of("a@x.com", "Alice"), list());
    }
}
