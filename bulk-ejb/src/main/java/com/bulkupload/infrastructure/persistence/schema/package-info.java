/** The database schema: Flyway migrations, run at start-up before anything else touches the database. */
package com.bulkupload.infrastructure.persistence.schema;
