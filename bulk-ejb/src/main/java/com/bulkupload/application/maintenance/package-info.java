/**
 * Keeping a node and its data in order: start-up (schema, bootstrap tenant, admin key), the EJB
 * timers that expire, recover and purge requests, and the health check. Port owned here:
 * {@code SchemaMigrations}.
 */
package com.bulkupload.application.maintenance;
