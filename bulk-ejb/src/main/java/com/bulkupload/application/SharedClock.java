package com.bulkupload.application;

import java.time.Clock;
import java.time.Instant;

/**
 * The one clock every node agrees on: the database's (implemented in
 * {@code infrastructure.persistence}). Leases are written and compared on it (an import's
 * heartbeat, a FileUrl download's claim), so a node whose own clock is off neither takes over a
 * live import nor leaves a dead one waiting. Read inside the transaction that uses it.
 */
@FunctionalInterface
public interface SharedClock {

    Instant now();

    /** A node's own clock standing in for the database's: one node alone, or a test's stopped clock. */
    static SharedClock of(Clock clock) {
        return clock::instant;
    }
}
