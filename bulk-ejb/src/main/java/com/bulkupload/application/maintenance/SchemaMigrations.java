package com.bulkupload.application.maintenance;

/**
 * Brings the database schema to the version this build expects, keeping its data (implemented
 * with Flyway by {@code infrastructure.persistence.schema}). Safe when several nodes start at once.
 */
public interface SchemaMigrations {

    /**
     * The schema's version after migrating, how many migrations this call applied, and whether the
     * database is one several nodes can share (PostgreSQL; H2 is a file of one node's).
     */
    record Migrated(String version, int applied, boolean shareable) {
    }

    Migrated migrate();
}
