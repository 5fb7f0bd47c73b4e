package com.bulkupload.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkSettingsTest {

    @Test
    void defaultsGiveAWorkingLocalServer() {
        BulkSettings settings = BulkSettings.of(Map.of());
        assertEquals("http://localhost:8080", settings.publicUrl());
        assertEquals(Duration.ofHours(1), settings.tokenLifetime());
        assertEquals(Duration.ofMinutes(15), settings.uploadWindow());
        assertEquals(10, settings.maxActiveUploadsPerAccount());
        assertTrue(settings.adminKey().isEmpty());
    }

    @Test
    void blankValuesCountAsUnset() {
        assertEquals("http://localhost:8080", BulkSettings.of(Map.of("BULK_PUBLIC_URL", "  ")).publicUrl());
    }

    @Test
    void numbersMustBePositive() {
        assertThrows(IllegalStateException.class, () -> BulkSettings.of(Map.of("BULK_TOKEN_TTL_SECONDS", "0")).tokenLifetime());
        assertThrows(IllegalStateException.class, () -> BulkSettings.of(Map.of("BULK_UPLOAD_WINDOW_SECONDS", "soon")).uploadWindow());
        assertEquals(Duration.ofSeconds(4), BulkSettings.of(Map.of("BULK_UPLOAD_WINDOW_SECONDS", "4")).uploadWindow());
    }
}
