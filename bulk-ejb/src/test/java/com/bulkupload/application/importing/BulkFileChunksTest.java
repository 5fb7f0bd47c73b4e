package com.bulkupload.application.importing;

import static com.bulkupload.domain.model.upload.BulkFileLines.HEADER;
import static com.bulkupload.domain.model.upload.BulkFileLines.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.CallerContext;
import com.bulkupload.application.TestDatabase;
import com.bulkupload.application.identity.AdminService;
import com.bulkupload.application.requests.OpenRequestCommand;
import com.bulkupload.application.requests.UploadRequestService;
import com.bulkupload.domain.model.customer.CustomerField;
import com.bulkupload.domain.model.customer.CustomerRepository;
import com.bulkupload.domain.model.customer.EmailHashes;
import com.bulkupload.domain.model.customer.ColumnMappings;
import com.bulkupload.domain.model.upload.Protocol;
import com.bulkupload.domain.model.upload.RequestStatus;
import com.bulkupload.infrastructure.files.CsvResultLines;
import com.bulkupload.infrastructure.persistence.jpa.JpaCustomerRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bulk file's records (Microsoft's Customer Match) written to a real (H2) database through the chunk writer. */
class BulkFileChunksTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    @TempDir
    Path dir;

    private TestDatabase db;
    private ImportLifecycle lifecycle;
    private CustomerChunkWriter writer;
    private JpaCustomerRepository customers;
    private UploadRequestService service;
    private CallerContext caller;

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        AdminService admin = db.admin();
        Long tenant = db.inTransaction(() -> admin.createTenant("Acme"));
        AdminService.NewAccount account = db.inTransaction(() -> admin.createAccount(tenant, "EU"));
        caller = new CallerContext("client-a", tenant, account.accountId());
        service = db.requestService(BulkSettings.of(Map.of()), T0);
        customers = new JpaCustomerRepository(db.em);
        lifecycle = ImportingTestWiring.lifecycle(db, customers, Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC));
        writer = ImportingTestWiring.writer(db, customers, lifecycle.clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static List<String> item(String parentId, String email) {
        return record("Type", "Customer List Item", "Parent Id", parentId, "Sub Type", "Email", "Text", EmailHashes.of(email));
    }

    private ImportJob job() {
        String requestId = db.inTransaction(() -> service.open(caller,
                new OpenRequestCommand("ErrorsAndResults", caller.accountId(), null, null, null, null), Protocol.Bing)).requestId();
        db.inTransaction(() -> {
            db.uploads.find(requestId).orElseThrow().fileUploaded("f.csv", "text/csv", null, null, 1, T0);
            return null;
        });
        return db.inTransaction(() -> lifecycle.claim(requestId));
    }

    /** Writes the records as one chunk (the format version first) and returns the result file's lines. */
    private List<String> write(ImportJob job, List<List<String>> records, long firstRow) throws IOException {
        RecordProcessor processor = RecordProcessor.forHeader(HEADER, job.lookupField(), ColumnMappings.NONE);
        List<ImportRow> rows = new ArrayList<>();
        long row = firstRow;
        for (List<String> fields : records) {
            rows.add(processor.process(row++, fields));
        }
        Path file = dir.resolve(job.requestId() + "-" + System.nanoTime() + ".csv");
        try (ResultFile results = ResultFile.open(new CsvResultLines(), file, file, job, processor.header(),
                ResultLayout.of(processor.resultLayout()))) {
            db.inTransaction(() -> {
                writer.write(new ImportChunk(job, processor.header(), rows, rows.size(), results, ImportedKeys.anyMayExist()));
                return null;
            });
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private Long listNamed(String name) {
        return db.inTransaction(() -> db.lists.findByNameInAccount(name, caller.accountId()).orElseThrow().id());
    }

    private List<String> hashesIn(Long listId) {
        return db.inTransaction(() -> customers.page(listId, new CustomerRepository.CustomerFilter(null, null, null, null), 0, 1000)
                .stream().map(c -> c.get(CustomerField.EmailSha256)).sorted().collect(Collectors.toList()));
    }

    @Test
    void aNewListIsCreatedOnceWithItsItemsEvenWhenItsChunkIsWrittenAgain() throws IOException {
        ImportJob job = job();
        List<List<String>> records = List.of(record("Type", "Format Version", "Name", "6.0"),
                record("Type", "Customer List", "Id", "-1", "Audience", "Buyers", "Description", "d", "Membership Duration", "30"),
                item("-1", "a@example.com"), item("-1", "b@example.com"));
        List<String> lines = write(job, records, 2);
        Long listId = listNamed("Buyers");
        assertEquals(List.of(EmailHashes.of("a@example.com"), EmailHashes.of("b@example.com")).stream().sorted().toList(), hashesIn(listId));
        assertTrue(lines.get(2).contains("Customer List,,") && lines.get(2).contains("," + listId + ","), lines.get(2));
        assertTrue(lines.get(3).contains(",," + listId + ","), "an item's Parent Id is its list's id: " + lines.get(3));
        // the same chunk again, as a resumed import whose commit was lost would write it: no second list
        write(job, records, 2);
        assertEquals(1, db.inTransaction(() -> db.lists.findAllInAccount(caller.accountId()).stream()
                .filter(l -> l.name().equals("Buyers")).count()));
        assertEquals(2, hashesIn(listId).size());
    }

    @Test
    void replaceLeavesTheListHoldingOnlyWhatItsImportWroteOnceTheImportCompletes() throws IOException {
        ImportJob first = job();
        write(first, List.of(record("Type", "Format Version", "Name", "6.0"),
                record("Type", "Customer List", "Id", "-1", "Audience", "Members"),
                item("-1", "old1@example.com"), item("-1", "kept@example.com")), 2);
        db.inTransaction(() -> lifecycle.complete(first));
        Long listId = listNamed("Members");

        ImportJob replace = job();
        write(replace, List.of(record("Type", "Format Version", "Name", "6.0"),
                record("Type", "Customer List", "Id", listId.toString(), "Action Type", "Replace"),
                item(listId.toString(), "kept@example.com"), item(listId.toString(), "new@example.com")), 2);
        assertEquals(3, hashesIn(listId).size(), "until the import completes, readers see the old customers beside the new");
        assertEquals(RequestStatus.Completed, db.inTransaction(() -> lifecycle.complete(replace)));
        assertEquals(List.of(EmailHashes.of("kept@example.com"), EmailHashes.of("new@example.com")).stream().sorted().toList(),
                hashesIn(listId));
    }

    @Test
    void removeDeletesTheItemsAndAMissingOneIsAWarning() throws IOException {
        ImportJob first = job();
        write(first, List.of(record("Type", "Format Version", "Name", "6.0"),
                record("Type", "Customer List", "Id", "-1", "Audience", "Few"), item("-1", "a@example.com"), item("-1", "b@example.com")), 2);
        db.inTransaction(() -> lifecycle.complete(first));
        Long listId = listNamed("Few");
        ImportJob remove = job();
        List<String> lines = write(remove, List.of(record("Type", "Format Version", "Name", "6.0"),
                record("Type", "Customer List", "Id", listId.toString(), "Action Type", "Remove"),
                item(listId.toString(), "a@example.com"), item(listId.toString(), "nobody@example.com")), 2);
        assertEquals(List.of(EmailHashes.of("b@example.com")), hashesIn(listId));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Customer List Item Error,") && l.contains("CustomerNotFound,3307")),
                String.join("\n", lines));
    }

    @Test
    void anItemOfAListThatIsNotTheAccountsFailsWithItsErrorRecord() throws IOException {
        ImportJob job = job();
        List<String> lines = write(job, List.of(record("Type", "Format Version", "Name", "6.0"), item("999999", "a@example.com"),
                record("Type", "Campaign", "Id", "-4", "Client Id", "c")), 2);
        assertTrue(lines.get(3).startsWith("Customer List Item Error,") && lines.get(3).endsWith("CustomerListNotFound,3312"), lines.get(3));
        assertTrue(lines.get(5).startsWith("Campaign Error,") && lines.get(5).contains(",c,") && lines.get(5).endsWith("RecordTypeNotSupported,3311"),
                lines.get(5));
    }
}
