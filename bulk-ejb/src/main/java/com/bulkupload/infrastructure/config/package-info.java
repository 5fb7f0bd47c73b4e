/** Server settings from environment variables and system properties. */
package com.bulkupload.infrastructure.config;
