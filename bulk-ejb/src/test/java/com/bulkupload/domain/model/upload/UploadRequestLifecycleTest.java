package com.bulkupload.domain.model.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.domain.model.customer.LookupField;
import com.bulkupload.domain.model.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UploadRequestLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration STALE = Duration.ofMinutes(2);

    private static UploadRequest uploaded() {
        UploadRequest request = new UploadRequest(new RequestId("0123456789abcdef0123"), 7L, 1L, 1L, ResponseMode.ErrorsOnly, LookupField.Email,
                "Default", null, "client", Protocol.Bing, T0, T0.plusSeconds(900));
        request.fileUploaded("a.csv", "text/csv", null, null, 100, T0.plusSeconds(1));
        return request;
    }

    private static boolean claim(UploadRequest request, Instant now) {
        return request.claimForImport(now, now.minus(STALE));
    }

    @Test
    void aFileIsAcceptedOnceAndOnlyInItsWindow() {
        UploadRequest request = new UploadRequest(new RequestId("0123456789abcdef0123"), 7L, 1L, 1L, ResponseMode.ErrorsOnly, LookupField.Email,
                "Default", null, "client", Protocol.Bing, T0, T0.plusSeconds(900));
        assertTrue(request.acceptsFileAt(T0.plusSeconds(899)));
        assertFalse(request.acceptsFileAt(T0.plusSeconds(900)));
        request.fileUploaded("a.csv", null, null, null, 10, T0.plusSeconds(5));
        assertEquals(RequestStatus.FileUploaded, request.status());
        assertFalse(request.acceptsFileAt(T0.plusSeconds(6)));
        assertThrows(IllegalStateException.class, () -> request.fileUploaded("b.csv", null, null, null, 10, T0.plusSeconds(7)));
    }

    @Test
    void onlyOneImporterOwnsARunningImport() {
        UploadRequest request = uploaded();
        assertTrue(claim(request, T0.plusSeconds(10)));
        assertEquals(RequestStatus.InProgress, request.status());
        assertFalse(claim(request, T0.plusSeconds(20)), "a live import is not taken over");
        request.chunkApplied(500, 500, 0, 0, 1000, T0.plusSeconds(60));
        assertFalse(claim(request, T0.plusSeconds(59).plus(STALE)), "a heartbeat keeps it alive");
        assertTrue(claim(request, T0.plusSeconds(61).plus(STALE)), "a silent one is taken over");
        assertEquals(500, request.progress().recordsDone(), "and resumes from its checkpoint");
        assertEquals(1000, request.progress().resultBytes());
    }

    @Test
    void everyClaimTakesTheNextNumberAndOnlyTheCurrentOneOwnsTheImportAndItsResultFile() {
        UploadRequest request = uploaded();
        assertEquals(0, request.progress().claim(), "a request of the release before claims is claim 0");
        assertTrue(claim(request, T0.plusSeconds(10)));
        assertEquals(1, request.progress().claim());
        assertTrue(request.claimedBy(1));
        request.chunkApplied(500, 500, 0, 0, 1000, T0.plusSeconds(11));
        assertEquals(1, request.progress().resultClaim(), "the committed lines are in claim 1's file");
        assertTrue(claim(request, T0.plusSeconds(12).plus(STALE)), "taken over");
        assertEquals(2, request.progress().claim());
        assertFalse(request.claimedBy(1), "the importer of claim 1 is fenced out");
        assertTrue(request.claimedBy(2));
        assertEquals(1, request.progress().resultClaim(), "until claim 2 commits a chunk, claim 1's file holds the committed lines");
        request.requeue(T0.plusSeconds(300));
        assertFalse(request.claimedBy(2), "a requeued import is nobody's");
        assertTrue(claim(request, T0.plusSeconds(301)));
        assertEquals(3, request.progress().claim());
        request.complete(T0.plusSeconds(302));
        assertEquals(3, request.progress().resultClaim(), "the completing claim's file holds every line");
        assertFalse(request.claimedBy(3), "a completed import takes no more writes");
    }

    @Test
    void requeuedImportIsClaimedAtOnceAndKeepsItsCheckpoint() {
        UploadRequest request = uploaded();
        claim(request, T0.plusSeconds(10));
        request.chunkApplied(1500, 1500, 3, 1, 4096, T0.plusSeconds(20));
        request.requeue(T0.plusSeconds(500));
        assertEquals(RequestStatus.FileUploaded, request.status());
        assertTrue(claim(request, T0.plusSeconds(501)));
        assertEquals(1500, request.progress().recordsDone());
        assertEquals(1500, request.progress().rowsProcessed());
    }

    @Test
    void progressIsAShareOfRowsAndReaches100OnlyWhenComplete() {
        UploadRequest request = uploaded();
        claim(request, T0.plusSeconds(10));
        request.scanned(2000);
        request.chunkApplied(500, 500, 0, 0, 10, T0.plusSeconds(11));
        assertEquals(25, request.progress().percentComplete());
        request.chunkApplied(2000, 1500, 2, 1, 20, T0.plusSeconds(12));
        assertEquals(99, request.progress().percentComplete());
        request.complete(T0.plusSeconds(13));
        assertEquals(100, request.progress().percentComplete());
        assertEquals(RequestStatus.CompletedWithErrors, request.status());
        assertEquals(2000, request.progress().rowsProcessed());
        assertEquals(2, request.progress().rowsFailed());
        assertEquals(1, request.progress().rowsWithWarning());
        assertTrue(request.hasResultFile());
        request.filesPurged();
        assertFalse(request.hasResultFile());
    }

    @Test
    void warningsAloneStillComplete() {
        UploadRequest request = uploaded();
        claim(request, T0.plusSeconds(10));
        request.scanned(3);
        request.chunkApplied(3, 3, 0, 2, 10, T0.plusSeconds(11));
        request.complete(T0.plusSeconds(12));
        assertEquals(RequestStatus.Completed, request.status());
    }

    @Test
    void failureResetsProgressAndSaysWhy() {
        UploadRequest request = uploaded();
        claim(request, T0.plusSeconds(10));
        request.scanned(10);
        request.chunkApplied(5, 5, 0, 0, 10, T0.plusSeconds(11));
        request.failAs(RequestStatus.UploadFileFormatNotSupported, ErrorCode.UPLOAD_FILE_FORMAT_NOT_SUPPORTED, "Row 7 ...", T0.plusSeconds(12));
        assertEquals(0, request.progress().percentComplete());
        assertEquals(3211, request.errors().get(0).code());
        assertFalse(request.hasResultFile());
    }

    @Test
    void aFullStoreMakesAnImportWaitInProgressWithOneWarningWhateverHowOftenItIsTried() {
        UploadRequest request = uploaded();
        assertTrue(claim(request, T0));
        assertTrue(request.waitForStorage(), "the wait starts");
        assertFalse(request.waitForStorage(), "tried again, still full: no second warning");
        assertEquals(RequestStatus.InProgress, request.status());
        assertEquals(1, request.errors().stream().filter(e -> e.code() == com.bulkupload.domain.model.error.ErrorCode.STORAGE_FULL.code()).count());
        assertTrue(request.waitedForStorage());
    }
}
