package com.bulkupload.application.importing;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets the import read and validate the next chunk while one chunk is being written, and never
 * more: a chunk is handed over only once the one before it has committed, so chunks commit one at
 * a time, in file order, and a failed write stops the import at the next hand-over.
 */
final class OneChunkInFlight {

    private static final Logger LOG = Logger.getLogger(OneChunkInFlight.class.getName());

    /** A chunk write that never reported back. */
    static final class WriteLost extends RuntimeException {
        WriteLost(Throwable cause) {
            super("A chunk write did not finish in time", cause);
        }
    }

    private final Duration patience;
    private Future<Void> writing;

    /**
     * @param patience how long to wait for a write: bounded, since a write lost with its connection
     *                 (seen when PostgreSQL restarted mid-chunk: the container never completed the
     *                 Future) must not hold the importer forever
     */
    OneChunkInFlight(Duration patience) {
        this.patience = patience;
    }

    /** Waits for the chunk in flight, then starts this one. */
    void handOver(Supplier<Future<Void>> write) {
        awaitWrite();
        writing = write.get();
    }

    /** Waits for the chunk in flight, if any; its failure is thrown here. */
    void awaitWrite() {
        if (writing == null) {
            return;
        }
        try {
            writing.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new WriteLost(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while a chunk was written", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            writing = null;
        }
    }

    /** On the way out after a failure: the chunk in flight must finish before its result file is closed. */
    void awaitQuietly() {
        try {
            awaitWrite();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Chunk write failed after an earlier failure", e);
        }
    }
}
