/** Hashing and generating secrets and tokens (JDK primitives only). */
package com.bulkupload.infrastructure.security;
