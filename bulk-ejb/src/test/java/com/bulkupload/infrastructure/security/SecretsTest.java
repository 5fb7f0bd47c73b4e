package com.bulkupload.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void passwordHashVerifiesOnlyTheSameSecret() {
        String hash = Secrets.hashPassword("correct horse");
        assertTrue(hash.startsWith("pbkdf2-sha256$" + Secrets.PBKDF2_ITERATIONS + "$"));
        assertFalse(hash.contains("correct horse"));
        assertTrue(Secrets.verifyPassword("correct horse", hash));
        assertFalse(Secrets.verifyPassword("correct horse ", hash));
        assertFalse(Secrets.verifyPassword("", hash));
        assertFalse(Secrets.verifyPassword(null, hash));
    }

    @Test
    void sameSecretHashesDifferentlyEachTime() {
        assertNotEquals(Secrets.hashPassword("s"), Secrets.hashPassword("s"));
    }

    @Test
    void malformedStoredHashNeverVerifies() {
        assertFalse(Secrets.verifyPassword("s", "plain-text"));
        assertFalse(Secrets.verifyPassword("s", "md5$1$abc$def"));
        assertFalse(Secrets.verifyPassword("s", null));
    }

    @Test
    void tokensAreLongRandomAndUrlSafe() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = Secrets.newToken();
            assertEquals(43, token.length());
            assertTrue(token.matches("[A-Za-z0-9_-]+"));
            assertTrue(seen.add(token));
        }
    }

    @Test
    void sha256IsTheStandardDigest() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.sha256("abc"));
    }

    @Test
    void constantTimeEqualsComparesContent() {
        assertTrue(Secrets.constantTimeEquals("key", "key"));
        assertFalse(Secrets.constantTimeEquals("key", "kez"));
        assertFalse(Secrets.constantTimeEquals("key", null));
        assertFalse(Secrets.constantTimeEquals(null, null));
    }
}
