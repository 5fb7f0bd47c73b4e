package com.bulkupload.application.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.CallerContext;
import com.bulkupload.application.ImportQueue;
import com.bulkupload.application.TestDatabase;
import com.bulkupload.application.identity.AdminService;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.upload.Protocol;
import com.bulkupload.domain.model.upload.RequestStatus;
import com.bulkupload.domain.model.upload.UploadRequest;
import com.bulkupload.infrastructure.files.DirectoryFileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file for an open request, and a request with its file in one step, on a real (H2) database and
 * file store. The queue is the port's contract only (what was enqueued): JMS itself is end to end.
 */
class FileSubmissionServiceTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    Path dir;

    private TestDatabase db;
    private FileSubmissionService files;
    private CallerContext caller;
    private final List<String> queued = new ArrayList<>();

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        AdminService admin = db.admin();
        BulkSettings settings = BulkSettings.of(Map.of("BULK_MAX_ACTIVE_UPLOADS", "2"));
        UploadRequestService requests = db.requestService(settings, T0);
        files = new FileSubmissionService();
        files.uploads = db.uploads;
        files.tenants = db.tenants;
        files.settings = settings;
        files.storage = new DirectoryFileStore(dir.resolve("store"));
        files.importQueue = new ImportQueue() {
            @Override
            public void fileWaiting(String requestId) {
                queued.add(requestId);
            }

            @Override
            public void enqueueDownload(String requestId, Long accountId) {
                queued.add("download:" + requestId);
            }

            @Override
            public void enqueueAnalysis(long taskId) {
                queued.add("analysis:" + taskId);
            }

            @Override
            public boolean isReachable() {
                return true;
            }
        };
        files.requests = requests;
        files.clock = requests.clock;
        Long tenant = db.inTransaction(() -> admin.createTenant("Acme"));
        caller = new CallerContext("client-a", tenant, db.inTransaction(() -> admin.createAccount(tenant, "EU")).accountId());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private UploadedFile received(String content) throws IOException {
        Path work = files.storage.newWorkFile("upload-");
        Files.writeString(work, content);
        return new UploadedFile(work, "leads.csv", "text/csv", null, null, content.length());
    }

    private OpenRequestCommand command(String token) {
        return new OpenRequestCommand("ErrorsAndResults", caller.accountId(), null, "Email", null, token);
    }

    @Test
    void aRequestAndItsFileArriveInOneStepQueuedForImport() throws IOException {
        UploadedFile file = received("Email\na@example.com\n");
        OpenedRequest opened = db.inTransaction(() -> files.submit(caller, command(null), Protocol.Marketo, file));
        UploadRequest request = db.uploads.find(opened.requestId()).orElseThrow();
        assertEquals(RequestStatus.FileUploaded, request.status());
        assertEquals(Protocol.Marketo, request.protocol());
        assertEquals("leads.csv", request.file().fileName());
        assertEquals(List.of(opened.requestId()), queued);
        assertEquals("Email\na@example.com\n", Files.readString(files.storage.upload(opened.requestId())));
        assertFalse(Files.exists(file.storedAt()), "moved into the store, not copied");
    }

    @Test
    void theSameClientRequestTokenGivesTheEarlierRequestAndLeavesItsFile() throws IOException {
        UploadedFile one = received("Email\na@example.com\n");
        UploadedFile two = received("Email\nother@example.com\n");
        OpenedRequest first = db.inTransaction(() -> files.submit(caller, command("nightly"), Protocol.Marketo, one));
        OpenedRequest again = db.inTransaction(() -> files.submit(caller, command("nightly"), Protocol.Marketo, two));
        assertEquals(first.requestId(), again.requestId());
        assertTrue(again.earlier());
        assertEquals(List.of(first.requestId()), queued, "queued once");
        assertEquals("Email\na@example.com\n", Files.readString(files.storage.upload(first.requestId())));
    }

    @Test
    void theAccountsCapHoldsForOneStepSubmissionsAndLeavesNothingBehind() throws IOException {
        UploadedFile one = received("Email\na@example.com\n");
        UploadedFile two = received("Email\nb@example.com\n");
        db.inTransaction(() -> files.submit(caller, command(null), Protocol.Marketo, one));
        db.inTransaction(() -> files.submit(caller, command(null), Protocol.Marketo, two));
        UploadedFile third = received("Email\nc@example.com\n");
        BulkApiException refused = assertThrows(BulkApiException.class,
                () -> db.inTransaction(() -> files.submit(caller, command(null), Protocol.Marketo, third)));
        assertEquals(ErrorCode.TOO_MANY_ACTIVE_UPLOADS, refused.error());
        assertEquals(2, queued.size());
        assertEquals(2, db.inTransaction(() -> db.uploads.pageInAccount(caller.accountId(), null, null, 10)).size(),
                "the refused submission left no request");
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingIsStored() throws IOException {
        UploadedFile file = received("Email\na@example.com\n");
        BulkApiException refused = assertThrows(BulkApiException.class, () -> db.inTransaction(() -> files.submit(caller,
                new OpenRequestCommand(null, caller.accountId(), null, "Fax", null, null), Protocol.Marketo, file)));
        assertEquals(ErrorCode.INVALID_LOOKUP_FIELD, refused.error());
        assertTrue(queued.isEmpty());
        assertTrue(Files.exists(file.storedAt()), "the file stays where the adapter put it, for the adapter to delete");
    }
}
