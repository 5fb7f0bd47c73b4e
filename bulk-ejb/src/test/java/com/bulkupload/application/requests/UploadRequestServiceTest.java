package com.bulkupload.application.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.CallerContext;
import com.bulkupload.application.TestDatabase;
import com.bulkupload.application.identity.AdminService;
import com.bulkupload.application.maintenance.MaintenanceTestWiring;
import com.bulkupload.application.maintenance.UploadMaintenance;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.upload.Protocol;
import com.bulkupload.domain.model.upload.RequestStatus;
import com.bulkupload.domain.model.upload.UploadRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UploadRequestServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private TestDatabase db;
    private UploadRequestService service;
    private CallerContext caller;
    private CallerContext otherCaller;
    private Long otherListId;

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        AdminService admin = db.admin();
        service = new UploadRequestService();
        service.tenants = db.tenants;
        service.lists = db.lists;
        service.uploads = db.uploads;
        service.settings = BulkSettings.of(Map.of("BULK_PUBLIC_URL", "https://bulk.example.com/", "BULK_UPLOAD_WINDOW_SECONDS", "900"));
        at(T0);
        Long tenant = db.inTransaction(() -> admin.createTenant("Acme"));
        Long account = db.inTransaction(() -> admin.createAccount(tenant, "EU")).accountId();
        caller = new CallerContext("client-a", tenant, account);
        Long otherTenant = db.inTransaction(() -> admin.createTenant("Other"));
        AdminService.NewAccount other = db.inTransaction(() -> admin.createAccount(otherTenant, "Other"));
        otherCaller = new CallerContext("client-b", otherTenant, other.accountId());
        otherListId = other.defaultCustomerListId();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void at(Instant instant) {
        service.clock = Clock.fixed(instant, ZoneOffset.UTC);
    }

    private OpenedRequest url(CallerContext who, OpenRequestCommand command) {
        return db.inTransaction(() -> service.open(who, command, Protocol.Bing));
    }

    private OpenRequestCommand command(String token) {
        return new OpenRequestCommand(null, caller.accountId(), null, null, null, token);
    }

    private UploadStatusView status(CallerContext who, String requestId) {
        return db.inTransaction(() -> service.status(who, requestId));
    }

    private ErrorCode refusal(Runnable call) {
        return assertThrows(BulkApiException.class, call::run).error();
    }

    @Test
    void newRequestIsPendingWithNoResultYet() {
        OpenedRequest result = url(caller, command(null));
        UploadStatusView status = status(caller, result.requestId());
        assertEquals(RequestStatus.PendingFileUpload, status.requestStatus());
        assertEquals(0, status.percentComplete());
        assertTrue(status.errors().isEmpty());
        assertFalse(status.resultFileAvailable());
    }

    @Test
    void defaultsAreErrorsOnlyEmailDefaultPartitionAndTheDefaultList() {
        String requestId = url(caller, command(null)).requestId();
        UploadRequest request = db.uploads.findInAccount(requestId, caller.accountId()).orElseThrow();
        assertEquals("ErrorsOnly", request.target().responseMode().name());
        assertEquals("Email", request.target().lookupField().name());
        assertEquals("Default", request.target().partitionName());
        assertEquals(db.tenants.findAccount(caller.accountId()).orElseThrow().defaultListId(), request.target().customerListId());
    }

    @Test
    void clientRequestTokenIsIdempotentFor24Hours() {
        String first = url(caller, command("nightly-2026-11-23")).requestId();
        at(T0.plusSeconds(24 * 3600 - 1));
        assertEquals(first, url(caller, command("nightly-2026-11-23")).requestId());
        assertNotEquals(first, url(caller, command("another")).requestId());
        at(T0.plusSeconds(24 * 3600));
        String afterWindow = url(caller, command("nightly-2026-11-23")).requestId();
        assertNotEquals(first, afterWindow);
        assertEquals(afterWindow, url(caller, command("nightly-2026-11-23")).requestId());
    }

    @Test
    void sameTokenInAnotherAccountIsAnotherRequest() {
        String mine = url(caller, command("shared-token")).requestId();
        String theirs = url(otherCaller, new OpenRequestCommand(null, otherCaller.accountId(), null, null, null, "shared-token")).requestId();
        assertNotEquals(mine, theirs);
    }

    @Test
    void optionsAreValidated() {
        Long account = caller.accountId();
        assertEquals(ErrorCode.NULL_REQUEST, refusal(() -> url(caller, new OpenRequestCommand(null, null, null, null, null, null))));
        assertEquals(ErrorCode.USER_IS_NOT_AUTHORIZED, refusal(() -> url(caller, new OpenRequestCommand(null, otherCaller.accountId(), null, null, null, null))));
        assertEquals(ErrorCode.INVALID_RESPONSE_MODE, refusal(() -> url(caller, new OpenRequestCommand("All", account, null, null, null, null))));
        assertEquals(ErrorCode.INVALID_CUSTOMER_LIST, refusal(() -> url(caller, new OpenRequestCommand(null, account, otherListId, null, null, null))));
        assertEquals(ErrorCode.INVALID_LOOKUP_FIELD, refusal(() -> url(caller, new OpenRequestCommand(null, account, null, "Fax", null, null))));
        assertEquals(ErrorCode.INVALID_PARTITION_NAME, refusal(() -> url(caller, new OpenRequestCommand(null, account, null, null, "x".repeat(256), null))));
        assertEquals(ErrorCode.INVALID_CLIENT_REQUEST_TOKEN, refusal(() -> url(caller, new OpenRequestCommand(null, account, null, null, null, "t".repeat(101)))));
        assertEquals("ErrorsAndResults", db.uploads.findInAccount(
                url(caller, new OpenRequestCommand("errorsandresults", account, null, "phone", "P1", null)).requestId(), account)
                .orElseThrow().target().responseMode().name());
    }

    @Test
    void anotherAccountsRequestIsUnknown() {
        String requestId = url(caller, command(null)).requestId();
        assertEquals(ErrorCode.INVALID_REQUEST_ID, refusal(() -> status(otherCaller, requestId)));
        assertEquals(ErrorCode.INVALID_REQUEST_ID, refusal(() -> status(caller, "no-such-request")));
        assertEquals(ErrorCode.NULL_REQUEST, refusal(() -> status(caller, " ")));
    }

    @Test
    void aFinishedRequestIsAnsweredWithItsCountsErrorsInOrderAndResultFileWhicheverWayItIsNamed() {
        OpenedRequest opened = url(caller, command(null));
        db.inTransaction(() -> {
            UploadRequest request = db.uploads.findInAccount(opened.requestId(), caller.accountId()).orElseThrow();
            request.fileUploaded("f.csv", "text/csv", null, null, 100, T0);
            request.claimForImport(T0, T0);
            request.scanned(10);
            request.addWarning(ErrorCode.UPLOAD_WINDOW_EXPIRED, "first");
            request.addWarning(ErrorCode.CALL_RATE_EXCEEDED, null);
            request.addWarning(ErrorCode.NULL_REQUEST, "third");
            request.chunkApplied(10, 10, 2, 1, 100, T0);
            request.complete(T0);
            return null;
        });
        UploadStatusView byId = status(caller, opened.requestId());
        assertEquals(opened.requestId(), byId.requestId());
        assertEquals(opened.batchId(), byId.batchId());
        assertEquals(RequestStatus.CompletedWithErrors, byId.requestStatus());
        assertEquals(100, byId.percentComplete());
        assertEquals(List.of(10L, 2L, 1L), List.of(byId.rowsProcessed(), byId.rowsFailed(), byId.rowsWithWarning()));
        assertEquals(List.of(3201, 117, 100), byId.errors().stream().map(OperationErrorView::code).toList());
        assertEquals(java.util.Arrays.asList("first", null, "third"), byId.errors().stream().map(OperationErrorView::details).toList());
        assertEquals("CallRateExceeded", byId.errors().get(1).errorCode());
        assertEquals(ErrorCode.CALL_RATE_EXCEEDED.message(), byId.errors().get(1).message());
        assertTrue(byId.resultFileAvailable());
        assertFalse(byId.downloading());
        assertEquals(byId, db.inTransaction(() -> service.statusOfBatch(caller, opened.batchId())));
        // outside a transaction too, as the protocol adapters call it
        assertEquals(byId, service.status(caller, opened.requestId()));

        assertEquals(ErrorCode.INVALID_REQUEST_ID, refusal(() -> status(otherCaller, opened.requestId())));
        assertEquals(ErrorCode.INVALID_REQUEST_ID, refusal(() -> db.inTransaction(() -> service.statusOfBatch(otherCaller, opened.batchId()))));
        db.inTransaction(() -> {
            db.uploads.findInAccount(opened.requestId(), caller.accountId()).orElseThrow().filesPurged();
            return null;
        });
        assertFalse(status(caller, opened.requestId()).resultFileAvailable());
    }

    @Test
    void requestWithoutAFileFailsWhenItsWindowCloses() {
        String requestId = url(caller, command(null)).requestId();
        at(T0.plusSeconds(899));
        assertEquals(RequestStatus.PendingFileUpload, status(caller, requestId).requestStatus());
        at(T0.plusSeconds(900));
        UploadStatusView expired = status(caller, requestId);
        assertEquals(RequestStatus.Failed, expired.requestStatus());
        assertEquals(0, expired.percentComplete());
        assertEquals(1, expired.errors().size());
        assertEquals(3201, expired.errors().get(0).code());
        assertEquals("UploadWindowExpired", expired.errors().get(0).errorCode());
        // the failure is stored, not recomputed: asking again later gives the same single error
        at(T0.plusSeconds(5000));
        assertEquals(1, status(caller, requestId).errors().size());
    }

    @Test
    void maintenanceTimerExpiresOnlyRequestsPastTheirWindow() {
        String old = url(caller, command(null)).requestId();
        at(T0.plusSeconds(600));
        String recent = url(caller, command(null)).requestId();
        UploadMaintenance maintenance = MaintenanceTestWiring.maintenance(db, Clock.fixed(T0.plusSeconds(901), ZoneOffset.UTC));
        db.inTransaction(() -> {
            maintenance.expireStaleRequests();
            return null;
        });
        assertEquals("Failed", db.uploads.findInAccount(old, caller.accountId()).orElseThrow().status().name());
        assertEquals("PendingFileUpload", db.uploads.findInAccount(recent, caller.accountId()).orElseThrow().status().name());
    }
}
