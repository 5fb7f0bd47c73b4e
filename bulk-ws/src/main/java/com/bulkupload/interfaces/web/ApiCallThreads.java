package com.bulkupload.interfaces.web;

import com.bulkupload.application.BulkSettings;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.HeaderValues;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * API calls (a request with a body: status, upload URL, token, admin, the vendors' calls) run on a
 * pool of their own, BULK_API_CONCURRENCY threads (two per core), instead of Undertow's 64 workers
 * that file uploads and downloads need while they stream. On two cores, 32 calls in flight made 34
 * runnable threads of which the JIT's compiler was one: a freshly started server stayed at
 * 1,200-2,000 status calls a second for minutes, half compiled. On four threads the calls queue
 * (in Undertow's hands, on no thread), the compiler gets the cores it needs, and a warm server
 * answers more calls with fewer switches (docs/performance-profile.md, "Cold start").
 *
 * <p>An Undertow servlet extension (the Servlet API cannot choose a request's thread), listed in
 * META-INF/services. Left on the workers: file uploads and result downloads, requests without a
 * body (the read API's pages, which stream), UploadEntityRecords (it may wait for its import), and
 * any path with dot segments (the filters resolve those; here it stays where the filters' view of
 * an upload cannot differ).
 */
public class ApiCallThreads implements ServletExtension {

    private static final Logger LOG = Logger.getLogger(ApiCallThreads.class.getName());

    /**
     * API calls rank above imports where the JVM maps Java priorities
     * to the OS's (bin/standalone.conf, when the server holds CAP_SYS_NICE: nice 5 against 10;
     * elsewhere a priority changes nothing). A call waits less for a core behind an import. Measured:
     * status calls during a 1M import 4,300-6,000 req/s against 2,700-2,900, p50 4-6 ms against
     * 10 ms, the imports no slower (docs/performance-profile.md, "API calls above imports").
     */
    static final int CALL_PRIORITY = Thread.MAX_PRIORITY;

    /** The pool, from the deployment's start to its end; null before and after (calls stay on the workers). */
    private static final AtomicReference<ExecutorService> POOL = new AtomicReference<>();

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(ApiCallThreads::callsOnTheirPool);
    }

    /**
     * The handler that hands API calls to the pool. The Undertow I/O thread it runs on takes the
     * calls' priority ({@link #CALL_PRIORITY}) on its first request: every call passes through one
     * twice (its request read, then the connection's next read), and at an import's rank a call
     * waited for it behind the import's threads and PostgreSQL. WildFly's io subsystem has no
     * setting for their priority. Measured on status calls during 1M imports, p99 of the second to
     * fourth import 27-38 ms against 38-51 ms, idle rates within this machine's noise
     * (docs/performance-profile.md, "I/O threads with the calls").
     */
    static HttpHandler callsOnTheirPool(HttpHandler next) {
        return exchange -> {
            if (!exchange.isInIoThread()) {
                next.handleRequest(exchange);
                return;
            }
            Thread io = Thread.currentThread();
            if (io.getPriority() != CALL_PRIORITY) {
                io.setPriority(CALL_PRIORITY);
            }
            ExecutorService pool = POOL.get();
            if (pool != null && isApiCall(exchange)) {
                exchange.dispatch(pool, next);
            } else {
                next.handleRequest(exchange);
            }
        };
    }

    static boolean isApiCall(HttpServerExchange exchange) {
        HeaderValues action = exchange.getRequestHeaders().get("SOAPAction");
        return isApiCall(exchange.getRequestMethod().toString(), exchange.getRequestURI(), exchange.getRequestContentLength(),
                exchange.getRequestHeaders().contains("Transfer-Encoding"), action == null ? null : action.getFirst());
    }

    /** @param path the request's path as sent (this application is at the root) */
    static boolean isApiCall(String method, String path, long contentLength, boolean chunked, String soapAction) {
        if (!RequestBodyFilter.hasBody(contentLength, chunked)) {
            return false;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("/.") || lower.contains("/%2e") || lower.startsWith("/files/") || UploadGate.isFileUpload(method, path)) {
            return false;
        }
        return !path.endsWith("/EntityRecords/Upload") && (soapAction == null || !soapAction.contains("UploadEntityRecords"));
    }

    /** The pool: daemon threads named api-call-N, at {@link #CALL_PRIORITY}. */
    static ExecutorService newPool(int threads) {
        AtomicInteger number = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "api-call-" + number.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(CALL_PRIORITY);
            return thread;
        });
    }

    /** Starts the pool with the deployment and stops it with it. */
    @WebListener
    public static class Lifecycle implements ServletContextListener {

        @Inject
        BulkSettings settings;

        @Override
        public void contextInitialized(ServletContextEvent event) {
            int threads = settings.apiConcurrency();
            ExecutorService pool = newPool(threads);
            ExecutorService before = POOL.getAndSet(pool);
            if (before != null) {
                before.shutdown();
            }
            LOG.info(() -> "API calls run on " + threads + " threads (BULK_API_CONCURRENCY)");
        }

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            ExecutorService pool = POOL.getAndSet(null);
            if (pool != null) {
                pool.shutdown();
            }
        }
    }
}
