package com.bulkupload.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentSettingsTest {

    @Test
    void environmentWinsOverSystemProperties() {
        EnvironmentSettings settings = new EnvironmentSettings(
                Map.of("BULK_PUBLIC_URL", "https://bulk.example.com/")::get,
                Map.of("bulk.public.url", "http://ignored", "bulk.admin.key", "from-property")::get);
        assertEquals("https://bulk.example.com", settings.publicUrl());
        assertEquals("from-property", settings.adminKey().orElseThrow());
    }
}
