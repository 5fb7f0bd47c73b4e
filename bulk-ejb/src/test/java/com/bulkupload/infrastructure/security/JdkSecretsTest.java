package com.bulkupload.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JdkSecretsTest {

    private static final JdkSecrets SECRETS = new JdkSecrets();

    @Test
    void passwordHashVerifiesOnlyTheSameSecret() {
        String hash = SECRETS.hashPassword("correct horse");
        assertTrue(hash.startsWith("pbkdf2-sha256$" + JdkSecrets.PBKDF2_ITERATIONS + "$"));
        assertFalse(hash.contains("correct horse"));
        assertTrue(SECRETS.verifyPassword("correct horse", hash));
        assertFalse(SECRETS.verifyPassword("correct horse ", hash));
        assertFalse(SECRETS.verifyPassword("", hash));
        assertFalse(SECRETS.verifyPassword(null, hash));
    }

    @Test
    void sameSecretHashesDifferentlyEachTime() {
        assertNotEquals(SECRETS.hashPassword("s"), SECRETS.hashPassword("s"));
    }

    @Test
    void malformedStoredHashNeverVerifies() {
        assertFalse(SECRETS.verifyPassword("s", "plain-text"));
        assertFalse(SECRETS.verifyPassword("s", "md5$1$abc$def"));
        assertFalse(SECRETS.verifyPassword("s", null));
    }

    @Test
    void tokensAreLongRandomAndUrlSafe() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = SECRETS.newToken();
            assertEquals(43, token.length());
            assertTrue(token.matches("[A-Za-z0-9_-]+"));
            assertTrue(seen.add(token));
        }
    }

    @Test
    void sha256IsTheStandardDigest() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SECRETS.sha256("abc"));
    }

    @Test
    void constantTimeEqualsComparesContent() {
        assertTrue(SECRETS.constantTimeEquals("key", "key"));
        assertFalse(SECRETS.constantTimeEquals("key", "kez"));
        assertFalse(SECRETS.constantTimeEquals("key", null));
        assertFalse(SECRETS.constantTimeEquals(null, null));
    }
}
