package com.bulkupload.application.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.CallerContext;
import com.bulkupload.application.ImportQueue;
import com.bulkupload.application.TestDatabase;
import com.bulkupload.application.identity.AdminService;
import com.bulkupload.domain.model.analysis.AnalysisTask;
import com.bulkupload.domain.model.analysis.CrowdProfile;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.infrastructure.persistence.jpa.JpaAnalysisTaskRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrowdAnalysisServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private TestDatabase db;
    private CrowdAnalysisService analyses;
    private final List<Long> queued = new ArrayList<>();
    private CallerContext caller;
    private CallerContext stranger;
    private long listId;

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        AdminService admin = db.admin();
        Long tenantId = db.inTransaction(() -> admin.createTenant("Acme"));
        AdminService.NewAccount account = db.inTransaction(() -> admin.createAccount(tenantId, "Acme CN"));
        listId = account.defaultCustomerListId();
        caller = new CallerContext("c", tenantId, account.accountId());
        Long otherTenant = db.inTransaction(() -> admin.createTenant("Other"));
        stranger = new CallerContext("o", otherTenant, db.inTransaction(() -> admin.createAccount(otherTenant, "Other")).accountId());
        analyses = new CrowdAnalysisService();
        analyses.tasks = new JpaAnalysisTaskRepository(db.em);
        analyses.lists = db.lists;
        analyses.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        analyses.queue = new ImportQueue() {
            public void fileWaiting(String requestId) {
            }

            public void enqueueDownload(String requestId, Long accountId) {
            }

            public void enqueueAnalysis(long taskId) {
                queued.add(taskId);
            }

            @Override
            public boolean isReachable() {
                return true;
            }
        };
        // five customers: three in Shanghai (CN), two in Paris (FR); updated 0, 0, 10, 40 and 3 days ago
        String[][] rows = {{"1", "'a@x.com'", "'+8613800000001'", "'CN'", "'Shanghai'", "0"}, {"2", "'b@x.com'", "NULL", "'CN'", "'Shanghai'", "0"},
                {"3", "NULL", "'+8613800000003'", "'CN'", "'Shanghai'", "10"}, {"4", "'d@x.com'", "NULL", "'FR'", "'Paris'", "40"},
                {"5", "'e@x.com'", "NULL", "'FR'", "'Paris'", "3"}};
        db.inTransaction(() -> {
            for (String[] row : rows) {
                db.em.createNativeQuery("INSERT INTO customer (id, customer_list_id, partition_name, email, phone, country, city, created_at,"
                        + " updated_at, updated_by_request, updated_by_client) VALUES (" + row[0] + ", " + listId + ", 'Default', " + row[1]
                        + ", " + row[2] + ", " + row[3] + ", " + row[4] + ", CURRENT_TIMESTAMP, TIMESTAMP WITH TIME ZONE '"
                        + NOW.minus(Duration.ofDays(Long.parseLong(row[5]))) + "', 'r', 'c')").executeUpdate();
            }
            return null;
        });
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aNewTaskIsComputedInTheBackgroundFromTheListAsItIs() {
        CrowdAnalysisService.TaskView created = db.inTransaction(() -> analyses.create(caller, listId, NOW, NOW.plus(Duration.ofDays(7))));
        assertEquals(AnalysisTask.State.computing, created.state());
        assertNull(created.profile());
        assertEquals(List.of(created.taskId()), queued);

        db.inTransaction(() -> {
            analyses.compute(created.taskId());
            return null;
        });
        CrowdAnalysisService.TaskView ready = db.inTransaction(() -> analyses.get(caller, created.taskId()));
        assertEquals(AnalysisTask.State.ready, ready.state());
        assertEquals(new CrowdProfile(5, 4, 2, 3, 4,
                List.of(new CrowdProfile.Count("CN", 3), new CrowdProfile.Count("FR", 2)),
                List.of(new CrowdProfile.Count("Shanghai", 3), new CrowdProfile.Count("Paris", 2))), ready.profile());
    }

    @Test
    void aChangedListMarksItsValidTasksAndAnExpiredTaskIsNotComputed() {
        long valid = db.inTransaction(() -> analyses.create(caller, listId, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)))).taskId();
        db.inTransaction(() -> {
            analyses.compute(valid);
            return null;
        });
        queued.clear();
        db.inTransaction(() -> {
            analyses.listChanged(listId);
            return null;
        });
        assertEquals(List.of(valid), queued);
        assertEquals(AnalysisTask.State.computing, db.inTransaction(() -> analyses.get(caller, valid)).state());

        long ending = db.inTransaction(() -> analyses.create(caller, listId, NOW.minus(Duration.ofDays(2)), NOW.plus(Duration.ofSeconds(1)))).taskId();
        analyses.clock = Clock.fixed(NOW.plus(Duration.ofSeconds(2)), ZoneOffset.UTC);
        db.inTransaction(() -> {
            analyses.compute(ending);
            return null;
        });
        CrowdAnalysisService.TaskView expired = db.inTransaction(() -> analyses.get(caller, ending));
        assertEquals(AnalysisTask.State.expired, expired.state());
        assertNull(expired.computedAt(), "past its end a task is never computed");
    }

    @Test
    void anotherAccountsListOrTaskIsUnknownAndAPeriodMustEndAfterItStarts() {
        long task = db.inTransaction(() -> analyses.create(caller, listId, NOW, NOW.plus(Duration.ofDays(1)))).taskId();
        assertEquals(ErrorCode.ANALYSIS_TASK_NOT_FOUND, assertThrows(BulkApiException.class,
                () -> db.inTransaction(() -> analyses.get(stranger, task))).error());
        assertEquals(ErrorCode.INVALID_CUSTOMER_LIST, assertThrows(BulkApiException.class,
                () -> db.inTransaction(() -> analyses.create(stranger, listId, NOW, NOW.plus(Duration.ofDays(1))))).error());
        assertEquals(ErrorCode.INVALID_ANALYSIS_PERIOD, assertThrows(BulkApiException.class,
                () -> db.inTransaction(() -> analyses.retime(caller, task, NOW, NOW))).error());
        db.inTransaction(() -> analyses.delete(caller, task));
        assertEquals(ErrorCode.ANALYSIS_TASK_NOT_FOUND, assertThrows(BulkApiException.class,
                () -> db.inTransaction(() -> analyses.get(caller, task))).error());
    }
}
