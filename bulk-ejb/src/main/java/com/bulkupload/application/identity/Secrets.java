package com.bulkupload.application.identity;

/**
 * Making and checking secrets (implemented with the JDK's primitives by {@code infrastructure.security}):
 * random tokens and identifiers, one-way hashes of tokens we issue, and slow salted hashes of
 * secrets people may choose.
 */
public interface Secrets {

    /** 32 random bytes, URL-safe base64 without padding (43 characters). */
    String newToken();

    /** A short random identifier: {@code prefix} followed by 20 hex digits. */
    String newId(String prefix);

    /** Hex SHA-256 of the text's UTF-8 bytes. */
    String sha256(String value);

    /** Hex SHA-256 of the bytes. */
    String sha256(byte[] bytes);

    /** Random letters and digits, for identifiers and secrets that must be only those (signing keys). */
    String newAlphanumeric(int length);

    /** Compares in time independent of where the strings differ; false when either is null. */
    boolean constantTimeEquals(String a, String b);

    /** A salted, slow hash of a secret a person may have chosen, with its parameters, to store. */
    String hashPassword(String secret);

    /** Whether the secret matches a stored {@link #hashPassword} value (false for anything malformed). */
    boolean verifyPassword(String secret, String stored);
}
