package com.bulkupload.application.identity;

/**
 * Seals secrets the server must read back (the signing keys' secrets): authenticated encryption
 * under the server's master key, implemented by {@code infrastructure.security}. {@code context}
 * is bound to the sealed text (what it belongs to, e.g. the key id): a sealed secret copied to
 * another row does not open there.
 */
public interface SecretSealer {

    String seal(String secret, String context);

    /** @throws IllegalStateException when the sealed text was altered, or belongs to another context or master key */
    String open(String sealed, String context);
}
