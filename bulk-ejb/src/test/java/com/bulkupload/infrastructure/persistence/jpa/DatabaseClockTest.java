package com.bulkupload.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.application.TestDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DatabaseClockTest {

    @Test
    void theDatabaseAnswersItsOwnTimeAsAnInstant() {
        try (TestDatabase db = new TestDatabase()) {
            Instant before = Instant.now().minusSeconds(1);
            Instant read = db.inTransaction(() -> new DatabaseClock(db.em).now());
            Instant after = Instant.now().plusSeconds(1);
            assertTrue(!read.isBefore(before) && !read.isAfter(after), read + " between " + before + " and " + after);
        }
    }

    @Test
    void everyShapeADriverGivesATimestampWithTimeZoneIsTheSameInstant() {
        Instant instant = Instant.parse("2026-12-06T20:00:00.123456Z");
        assertEquals(instant, DatabaseClock.instant(instant));
        assertEquals(instant, DatabaseClock.instant(OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(8))));
        assertEquals(instant, DatabaseClock.instant(instant.atZone(ZoneOffset.ofHours(-5))));
        assertEquals(instant, DatabaseClock.instant(Timestamp.from(instant)));
        assertThrows(IllegalStateException.class, () -> DatabaseClock.instant("2026-12-06"));
    }
}
