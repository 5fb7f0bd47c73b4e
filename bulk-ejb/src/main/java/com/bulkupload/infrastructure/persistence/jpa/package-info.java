/** JPA implementations of the domain repositories (persistence unit {@code bulk}). */
package com.bulkupload.infrastructure.persistence.jpa;
