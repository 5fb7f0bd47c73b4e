package com.bulkupload.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
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

    @Test
    void anUndertowIoThreadThatPassesACallOnRanksWithTheCalls() throws Exception {
        CompletableFuture<Thread> handledOn = new CompletableFuture<>();
        Undertow server = Undertow.builder()
                .setIoThreads(1)
                .addHttpListener(0, "127.0.0.1")
                .setHandler(ApiCallThreads.callsOnTheirPool(exchange -> {
                    // no deployment, so no pool: the call stays on the I/O thread it came in on
                    handledOn.complete(exchange.isInIoThread() ? Thread.currentThread() : null);
                    exchange.getResponseSender().send("ok");
                }))
                .build();
        server.start();
        try {
            InetSocketAddress address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + address.getPort() + "/Bulk/v13/BulkUploadStatus/Query"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("ok", answer.body());
            Thread io = handledOn.get(10, TimeUnit.SECONDS);
            assertTrue(io != null, "the handler ran on the I/O thread");
            assertEquals(ApiCallThreads.CALL_PRIORITY, io.getPriority(), "Undertow starts its I/O threads at the normal priority; "
                    + "where priorities reach the OS, an import's threads would outrank the I/O half of every call");
        } finally {
            server.stop();
        }
    }
}
