package com.bulkupload.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ApiCallThreadsTest {

    @Test
    void callsWithABodyRunOnTheApiPoolWhateverTheirProtocol() {
        assertTrue(ApiCallThreads.isApiCall("POST", "/Bulk/v13/BulkUploadStatus/Query", 40, false, null));
        assertTrue(ApiCallThreads.isApiCall("POST", "/Bulk/v13/BulkService.svc", 900, false, "GetBulkUploadStatus"));
        assertTrue(ApiCallThreads.isApiCall("POST", "/oauth2/token", 0, true, null), "a chunked body is a body");
        assertTrue(ApiCallThreads.isApiCall("POST", "/admin/v1/customers/1/accounts", 15, false, null));
    }

    @Test
    void uploadsDownloadsReadsAndCallsThatWaitStayOnTheWorkers() {
        assertFalse(ApiCallThreads.isApiCall("POST", "/files/uploads/abc", 1_000_000, false, null), "a file upload streams");
        assertFalse(ApiCallThreads.isApiCall("POST", "/bulk/v1/leads.json", 1_000_000, false, null), "Marketo's upload streams");
        assertFalse(ApiCallThreads.isApiCall("GET", "/files/results/abc", 0, false, null), "a result file streams");
        assertFalse(ApiCallThreads.isApiCall("GET", "/api/v1/lists/1/customers", 0, false, null), "a read's pages stream");
        assertFalse(ApiCallThreads.isApiCall("POST", "/Bulk/v13/EntityRecords/Upload", 300, false, null), "it waits for its import");
        assertFalse(ApiCallThreads.isApiCall("POST", "/Bulk/v13/BulkService.svc", 900, false, "\"UploadEntityRecords\""));
    }

    @Test
    void aPathWithDotSegmentsStaysOnTheWorkersSoThatNoDisguisedUploadHoldsAnApiThread() {
        assertFalse(ApiCallThreads.isApiCall("POST", "/x/../files/uploads/abc", 1_000_000, false, null));
        assertFalse(ApiCallThreads.isApiCall("POST", "/Bulk/./v13/BulkUploadStatus/Query", 40, false, null));
        assertFalse(ApiCallThreads.isApiCall("POST", "/x/%2E%2E/files/uploads/abc", 1_000_000, false, null));
    }

    @Test
    void apiCallsRunAtAPriorityAboveTheImports() throws Exception {
        ExecutorService pool = ApiCallThreads.newPool(2);
        try {
            Thread thread = pool.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
            assertEquals(Thread.MAX_PRIORITY, thread.getPriority(), "where priorities reach the OS, a call outranks an import");
            assertTrue(thread.isDaemon());
            assertTrue(thread.getName().startsWith("api-call-"));
        } finally {
            pool.shutdownNow();
        }
    }
}
