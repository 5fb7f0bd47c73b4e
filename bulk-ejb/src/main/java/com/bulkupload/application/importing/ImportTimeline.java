package com.bulkupload.application.importing;

import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where an import's time goes, on its two threads: the importer reading and checking rows or
 * waiting for the chunk in flight, and the writer looking keys up, deciding the rows' outcomes,
 * writing to the database and waiting for the result lines. With one chunk in flight the reading
 * of a chunk overlaps the writing of the one before; set against the wall clock, the sums say how
 * much (docs/performance-profile.md, "Timeline"). The importer logs the sums when the import ends;
 * this logger at FINE gives every chunk's hand-over and write, in milliseconds from the start.
 */
public final class ImportTimeline {

    private static final Logger LOG = Logger.getLogger(ImportTimeline.class.getName());

    private final String requestId;
    private final long started = System.nanoTime();
    private long waited;
    private final AtomicLong lookups = new AtomicLong();
    private final AtomicLong outcomes = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong lines = new AtomicLong();

    public ImportTimeline(String requestId) {
        this.requestId = requestId;
    }

    /** The importer waited this long for the chunk in flight before handing over the chunk that ends at this record. */
    void handedOver(long recordsDone, long waitedNanos) {
        waited += waitedNanos;
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(requestId + " chunk to record " + recordsDone + " handed over at " + sinceStart(System.nanoTime())
                    + " ms after waiting " + waitedNanos / 1_000_000 + " ms");
        }
    }

    /** A chunk written: the stamps of its phases on the writer's thread ({@link System#nanoTime}). */
    void written(long recordsDone, long start, long looked, long decided, long applied, long end) {
        lookups.addAndGet(looked - start);
        outcomes.addAndGet(decided - looked);
        writes.addAndGet(applied - decided);
        lines.addAndGet(end - applied);
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(requestId + " chunk to record " + recordsDone + " written from " + sinceStart(start) + " to " + sinceStart(end)
                    + " ms: lookups " + (looked - start) / 1_000_000 + ", outcomes " + (decided - looked) / 1_000_000
                    + ", database " + (applied - decided) / 1_000_000 + ", result lines " + (end - applied) / 1_000_000 + " ms");
        }
    }

    /** The sums, for the importer's line at the end: "reading and checking 8.1 s, waiting 12.0 s; ...". */
    String summary() {
        long wall = System.nanoTime() - started;
        return "importer: reading and checking " + seconds(wall - waited) + ", waiting for the chunk in flight " + seconds(waited)
                + "; writer: lookups " + seconds(lookups.get()) + ", outcomes " + seconds(outcomes.get()) + ", database "
                + seconds(writes.get()) + ", result lines " + seconds(lines.get()) + "; wall " + seconds(wall);
    }

    private long sinceStart(long nanos) {
        return (nanos - started) / 1_000_000;
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
