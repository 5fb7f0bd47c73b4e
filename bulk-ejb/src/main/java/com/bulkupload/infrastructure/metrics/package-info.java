/** The operator's metrics, on the server's own Micrometer registry (WildFly's micrometer subsystem). */
package com.bulkupload.infrastructure.metrics;
