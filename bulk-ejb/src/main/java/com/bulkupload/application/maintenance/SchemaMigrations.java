package com.bulkupload.application.maintenance;

/**
 * Brings the database schema to the version this build expects, keeping its data (implemented
 * with Flyway by {@code infrastructure.persistence.schema}). Safe when several nodes start at once.
 */
public interface SchemaMigrations {

    /** The schema's version after migrating, and how many migrations this call applied. */
    record Migrated(String version, int applied) {
    }

    Migrated migrate();
}
