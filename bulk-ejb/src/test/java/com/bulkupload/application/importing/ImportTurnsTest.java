package com.bulkupload.application.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.CallerContext;
import com.bulkupload.application.SharedClock;
import com.bulkupload.application.TestDatabase;
import com.bulkupload.application.identity.AdminService;
import com.bulkupload.application.requests.OpenRequestCommand;
import com.bulkupload.application.requests.UploadRequestService;
import com.bulkupload.domain.model.upload.Protocol;
import com.bulkupload.domain.model.upload.RequestStatus;
import com.bulkupload.infrastructure.persistence.jpa.JpaCustomerRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The order in which free import slots take the files of several accounts, on a real (H2) database. */
class ImportTurnsTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private TestDatabase db;
    private UploadRequestService service;
    private ImportLifecycle lifecycle;
    private final Map<String, CallerContext> accounts = new HashMap<>();
    private final Map<String, String> owner = new HashMap<>();
    private Instant now = T0;

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        service = db.requestService(BulkSettings.of(Map.of()), T0);
        lifecycle = ImportingTestWiring.lifecycle(db, new JpaCustomerRepository(db.em), java.time.Clock.systemUTC());
        for (String name : List.of("A", "B", "C")) {
            AdminService admin = db.admin();
            Long tenant = db.inTransaction(() -> admin.createTenant("Tenant " + name));
            AdminService.NewAccount account = db.inTransaction(() -> admin.createAccount(tenant, name));
            accounts.put(name, new CallerContext("client-" + name, tenant, account.accountId()));
        }
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** A FileUploaded request of the account, uploaded a second after the previous one; returns a name like "A1". */
    private String upload(String account, int n) {
        CallerContext caller = accounts.get(account);
        String requestId = db.inTransaction(() -> service.open(caller,
                new OpenRequestCommand("ErrorsOnly", caller.accountId(), null, null, null, null), Protocol.Bing)).requestId();
        now = now.plusSeconds(1);
        Instant at = now;
        db.inTransaction(() -> {
            db.uploads.find(requestId).orElseThrow().fileUploaded("f.csv", "text/csv", null, null, 1, at);
            return null;
        });
        owner.put(requestId, account + n);
        return account + n;
    }

    /** Claims the next import in turn, as a free slot does; returns its name, or null. */
    private String slotFrees() {
        now = now.plusSeconds(1);
        lifecycle.clock = SharedClock.of(Clock.fixed(now, ZoneOffset.UTC));
        ImportJob job = db.inTransaction(() -> lifecycle.claimNextInTurn());
        return job == null ? null : owner.get(job.requestId());
    }

    private void finish(String name) {
        String requestId = owner.entrySet().stream().filter(e -> e.getValue().equals(name)).findFirst().orElseThrow().getKey();
        now = now.plusSeconds(1);
        Instant at = now;
        db.inTransaction(() -> {
            db.uploads.find(requestId).orElseThrow().complete(at);
            return null;
        });
    }

    @Test
    void aSmallAccountQueuedBehindTwoBigOnesGetsTheNextFreeSlot() {
        for (int i = 1; i <= 4; i++) {
            upload("A", i);
            upload("B", i);
        }
        assertEquals("A1", slotFrees());
        assertEquals("B1", slotFrees());
        assertNull(slotFrees(), "each account runs one import at a time, in upload order");
        upload("C", 1);
        finish("A1");
        assertEquals("C1", slotFrees(), "C never had a turn: it goes before A's and B's next files");
    }

    @Test
    void slotsGoRoundRobinOverTheAccountsWithWorkAndInUploadOrderWithinEach() {
        for (int i = 1; i <= 3; i++) {
            upload("A", i);
        }
        upload("B", 1);
        upload("B", 2);
        upload("C", 1);
        List<String> order = new ArrayList<>();
        for (String running = slotFrees(); running != null; running = slotFrees()) {
            order.add(running);
            finish(running);
        }
        assertEquals(List.of("A1", "B1", "C1", "A2", "B2", "A3"), order);
    }

    @Test
    void aSecondFileOfAnAccountWithAnImportRunningIsNotStartedEvenWhenAskedForByName() {
        upload("A", 1);
        upload("A", 2);
        assertEquals("A1", slotFrees());
        String a2 = owner.entrySet().stream().filter(e -> e.getValue().equals("A2")).findFirst().orElseThrow().getKey();
        assertNull(db.inTransaction(() -> lifecycle.claim(a2)), "as another node would, with a stale view of the queue");
        assertEquals(RequestStatus.FileUploaded, db.inTransaction(() -> db.uploads.find(a2).orElseThrow().status()));
        finish("A1");
        assertEquals("A2", owner.get(db.inTransaction(() -> lifecycle.claim(a2)).requestId()));
    }

    @Test
    void anAccountAloneKeepsItsFilesInOrderOneAtATime() {
        upload("A", 1);
        upload("A", 2);
        assertEquals("A1", slotFrees());
        assertNull(slotFrees());
        finish("A1");
        assertEquals("A2", slotFrees());
        String a2 = owner.entrySet().stream().filter(e -> e.getValue().equals("A2")).findFirst().orElseThrow().getKey();
        assertEquals(RequestStatus.InProgress, db.inTransaction(() -> db.uploads.find(a2).orElseThrow().status()));
    }
}
