package com.bulkupload.infrastructure.metrics;

import com.bulkupload.application.ImportMetrics;
import com.bulkupload.domain.model.upload.RowResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The import's and the status calls' metrics on the server's Micrometer registry, served by
 * WildFly in Prometheus' format on the management interface ({@code :9990/metrics}); every name
 * is listed in docs/operations.md, "Metrics". Counts are this node's; a Prometheus sums nodes.
 */
@ApplicationScoped
public class MicrometerImportMetrics implements ImportMetrics {

    private static final Logger LOG = Logger.getLogger(MicrometerImportMetrics.class.getName());

    @Inject
    MeterRegistry registry;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    com.bulkupload.application.FileStore storage;

    private Counter storageWaits;

    private final Map<RowResult, Counter> rows = new EnumMap<>(RowResult.class);
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong waiting = new AtomicLong();
    private final Map<String, Running> imports = new ConcurrentHashMap<>();
    private Timer status;

    /** One running import: rows committed since it started on this node, for its rows per second. */
    private record Running(long startedNanos, AtomicLong rows) {
        double rowsPerSecond() {
            return rows.get() / Math.max(1e-9, (System.nanoTime() - startedNanos) / 1e9);
        }
    }

    /** False if the registry refused the meters: the metrics are then off, and the work goes on unmeasured. */
    private volatile boolean enabled;

    @PostConstruct
    void register() {
        try {
            registerMeters();
            enabled = true;
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "The import metrics are off: the server's Micrometer registry refused them", e);
        }
    }

    /*
     * The registry's own methods (counter, gauge, timer), not the meters' builders: the registry
     * WildFly 39 hands a deployment keeps what a builder registers to itself, and its /metrics
     * never shows it; these it passes on to the server's registry. No descriptions and no
     * histogram for that reason: a timer is count, sum and max.
     */
    private void registerMeters() {
        for (RowResult outcome : RowResult.values()) {
            rows.put(outcome, registry.counter("bulk.import.rows", "outcome", outcome.name()));
        }
        registry.gauge("bulk.imports.running", Tags.empty(), running, AtomicInteger::get);
        registry.gauge("bulk.import.files.waiting", Tags.empty(), waiting, AtomicLong::get);
        status = registry.timer("bulk.status.duration");
        // read at each scrape: the store is shared by every node, so each node shows the same figure
        registry.gauge("bulk.storage.free.bytes", Tags.empty(), storage, MicrometerImportMetrics::freeBytes);
        storageWaits = registry.counter("bulk.import.storage.waits");
    }

    private static double freeBytes(com.bulkupload.application.FileStore storage) {
        try {
            return storage.usableBytes();
        } catch (java.io.IOException e) {
            return Double.NaN;
        }
    }

    @Override
    public void importWaitingForStorage(String requestId) {
        if (enabled) {
            storageWaits.increment();
        }
    }

    @Override
    public void importStarted(String requestId) {
        if (!enabled) {
            return;
        }
        running.incrementAndGet();
        Running started = new Running(System.nanoTime(), new AtomicLong());
        imports.put(requestId, started);
        registry.gauge("bulk.import.rows.per.second", Tags.of("request_id", requestId), started, Running::rowsPerSecond);
    }

    @Override
    public void rowsCommitted(String requestId, Map<RowResult, Long> rowsByOutcome) {
        if (!enabled) {
            return;
        }
        Map<RowResult, Long> counts = Map.copyOf(rowsByOutcome);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int outcome) {
                if (outcome == Status.STATUS_COMMITTED) {
                    long total = 0;
                    for (Map.Entry<RowResult, Long> count : counts.entrySet()) {
                        rows.get(count.getKey()).increment(count.getValue());
                        total += count.getValue();
                    }
                    Running current = imports.get(requestId);
                    if (current != null) {
                        current.rows().addAndGet(total);
                    }
                }
            }
        });
    }

    @Override
    public void importEnded(String requestId, String finalStatus, Duration took) {
        if (!enabled) {
            return;
        }
        running.decrementAndGet();
        imports.remove(requestId);
        Gauge rate = registry.find("bulk.import.rows.per.second").tag("request_id", requestId).gauge();
        if (rate != null) {
            registry.remove(rate);
        }
        registry.timer("bulk.import.duration", "status", finalStatus == null ? "TakenOver" : finalStatus).record(took);
    }

    @Override
    public void filesWaiting(long count) {
        if (!enabled) {
            return;
        }
        waiting.set(count);
    }

    @Override
    public void statusAnswered(Duration took) {
        if (!enabled) {
            return;
        }
        status.record(took);
    }
}
