package com.bulkupload.application.identity;

/**
 * Secrets of the server itself, the same on every node (implemented in the shared database by
 * {@code infrastructure.security}): the key that signs result file links, and later the master key
 * of the signing keys.
 */
public interface ServerSecrets {

    /** The named secret; the first node to ask creates it, every other node gets the same one. */
    byte[] secret(String name);
}
