package com.bulkupload.infrastructure.config;

import com.bulkupload.application.BulkSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings read from environment variables, each also settable as a system property of the
 * same name in lower case with dots ({@code BULK_PUBLIC_URL} = {@code bulk.public.url}); the
 * environment wins.
 */
@ApplicationScoped
public class EnvironmentSettings extends BulkSettings {

    private final Function<String, String> environment;
    private final Function<String, String> systemProperties;

    public EnvironmentSettings() {
        this(System::getenv, System::getProperty);
    }

    EnvironmentSettings(Function<String, String> environment, Function<String, String> systemProperties) {
        this.environment = environment;
        this.systemProperties = systemProperties;
    }

    @Override
    public Optional<String> get(String name) {
        String value = environment.apply(name);
        if (value == null || value.isBlank()) {
            value = systemProperties.apply(name.toLowerCase().replace('_', '.'));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
