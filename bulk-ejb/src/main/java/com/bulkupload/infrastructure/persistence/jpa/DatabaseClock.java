package com.bulkupload.infrastructure.persistence.jpa;

import com.bulkupload.application.SharedClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * The database's clock: {@code CURRENT_TIMESTAMP}, the start of the caller's transaction on both
 * H2 and PostgreSQL. One round trip per reading; it is read once per lease step (a claim, a
 * chunk, a heartbeat), never per row.
 */
@ApplicationScoped
public class DatabaseClock implements SharedClock {

    @PersistenceContext(unitName = "bulk")
    EntityManager em;

    public DatabaseClock() {
    }

    public DatabaseClock(EntityManager em) {
        this.em = em;
    }

    @Override
    public Instant now() {
        return instant(em.createNativeQuery("select current_timestamp").getSingleResult());
    }

    /** The drivers answer a timestamp with time zone as one of these, depending on driver and version. */
    static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("The database answered its time as " + (value == null ? "null" : value.getClass().getName()));
    }
}
