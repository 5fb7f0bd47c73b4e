package com.bulkupload.application;

/**
 * A lease's sign of life, given at most every five seconds however often {@link #beat} is called:
 * an import beats on every record it streams past without a commit, a FileUrl download on every
 * block of bytes, and the database sees one heartbeat in five seconds either way. Five seconds is
 * far inside the lease (BULK_STUCK_IMPORT_SECONDS, 40 s). One per caller's thread: not shared.
 */
public final class Pulse {

    private static final long EVERY_NANOS = 5_000_000_000L;
    private final Runnable heartbeat;
    private long last = System.nanoTime();

    public Pulse(Runnable heartbeat) {
        this.heartbeat = heartbeat;
    }

    public void beat() {
        long now = System.nanoTime();
        if (now - last >= EVERY_NANOS) {
            heartbeat.run();
            last = now;
        }
    }
}
