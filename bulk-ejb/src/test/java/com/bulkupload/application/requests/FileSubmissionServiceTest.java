package com.bulkupload.application.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.CallerContext;
import com.bulkupload.application.ImportQueue;
import com.bulkupload.application.SharedClock;
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
        files.clock = SharedClock.of(requests.clock);
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

    @Test
    void aFileUrlDownloadWhoseNodeFellSilentPastItsLeaseIsClaimedAgainAndTheOldClaimNeitherBeatsNorFailsIt() {
        String requestId = submittedFileUrl();
        assertEquals(List.of("download:" + requestId), queued);

        at(T0.plusSeconds(1));
        FileSubmissionService.ClaimedDownload first = db.inTransaction(() -> files.claimDownload(requestId)).orElseThrow();
        assertEquals(1, first.claim());
        assertEquals("https://files.example.com/leads.csv", first.fileUrl());
        at(T0.plusSeconds(30));
        assertTrue(db.inTransaction(() -> files.downloadAlive(requestId, 1)));
        at(T0.plusSeconds(60));
        assertTrue(db.inTransaction(() -> files.claimDownload(requestId)).isEmpty(), "alive 30 s ago: within its 40 s lease");
        assertTrue(db.inTransaction(() -> db.uploads.findAbandonedDownloads(T0.plusSeconds(20), T0.plusSeconds(60), 10)).isEmpty());

        at(T0.plusSeconds(71));
        assertEquals(List.of(requestId), db.inTransaction(() -> db.uploads.findAbandonedDownloads(T0.plusSeconds(31), T0.plusSeconds(71), 10))
                .stream().map(UploadRequest::requestId).toList(), "silent for 41 s: the timer queues it again");
        FileSubmissionService.ClaimedDownload second = db.inTransaction(() -> files.claimDownload(requestId)).orElseThrow();
        assertEquals(2, second.claim());

        at(T0.plusSeconds(72));
        assertFalse(db.inTransaction(() -> files.downloadAlive(requestId, 1)), "the first node wakes up: its lease is gone, it stops");
        db.inTransaction(() -> {
            files.failDownload(requestId, 1, "The file's server stopped sending: the read timed out.");
            return null;
        });
        UploadRequest request = db.uploads.find(requestId).orElseThrow();
        assertEquals(RequestStatus.PendingFileUpload, request.status(), "a failure under an old claim changes nothing");
        assertTrue(request.isDownloading());

        db.inTransaction(() -> {
            files.failDownload(requestId, 2, "The file's server answered HTTP 404.");
            return null;
        });
        request = db.uploads.find(requestId).orElseThrow();
        assertEquals(RequestStatus.Failed, request.status());
        assertEquals(ErrorCode.FILE_DOWNLOAD_FAILED.code(), request.errors().get(0).code());
        assertFalse(db.inTransaction(() -> files.downloadAlive(requestId, 2)), "a failed download has no lease left");
    }

    @Test
    void aDownloadThatFillsTheStoreWaitsPendingWithOneWarningAndOnlyItsCurrentClaimCanSaySo() {
        String requestId = submittedFileUrl();
        at(T0.plusSeconds(1));
        int claim = db.inTransaction(() -> files.claimDownload(requestId)).orElseThrow().claim();
        assertFalse(db.inTransaction(() -> files.downloadWaitsForStorage(requestId, claim + 1)), "not the current claim");
        assertTrue(db.inTransaction(() -> files.downloadWaitsForStorage(requestId, claim)), "the wait starts");
        at(T0.plusSeconds(60));
        FileSubmissionService.ClaimedDownload again = db.inTransaction(() -> files.claimDownload(requestId)).orElseThrow();
        assertTrue(again.waitedForStorage(), "the next try knows the request waited");
        assertFalse(db.inTransaction(() -> files.downloadWaitsForStorage(requestId, again.claim())), "still full: no second warning");
        UploadRequest request = db.uploads.find(requestId).orElseThrow();
        assertEquals(RequestStatus.PendingFileUpload, request.status());
        assertEquals(List.of(ErrorCode.STORAGE_FULL.code()), request.errors().stream().map(e -> e.code()).toList());
    }

    /** An Alibaba FileUrl submitted at T0, its download not yet claimed. */
    private String submittedFileUrl() {
        files.remoteFiles = new RemoteFiles() {
            @Override
            public void checkUrl(String url) {
            }

            @Override
            public long download(String url, Path target, Runnable alive) {
                throw new UnsupportedOperationException("not downloaded here");
            }
        };
        files.sealer = new com.bulkupload.application.identity.SecretSealer() {
            @Override
            public String seal(String secret, String context) {
                return "sealed:" + secret;
            }

            @Override
            public String open(String sealed, String context) {
                return sealed.substring("sealed:".length());
            }
        };
        return db.inTransaction(() -> files.submitRemote(caller, command(null), Protocol.Alibaba,
                "https://files.example.com/leads.csv", "leads.csv")).requestId();
    }

    private void at(Instant instant) {
        files.clock = SharedClock.of(java.time.Clock.fixed(instant, java.time.ZoneOffset.UTC));
    }
}
