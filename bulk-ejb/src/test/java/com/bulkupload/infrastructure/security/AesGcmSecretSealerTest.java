package com.bulkupload.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AesGcmSecretSealerTest {

    private final AesGcmSecretSealer sealer = new AesGcmSecretSealer("a master key of at least thirty-two chars".getBytes(StandardCharsets.UTF_8));

    @Test
    void aSealedSecretOpensUnderItsContextAndNeverShowsItsPlainText() {
        String sealed = sealer.seal("s3cret-value", "LTAIkey1");
        assertTrue(sealed.startsWith("v1.") && !sealed.contains("s3cret"), sealed);
        assertEquals("s3cret-value", sealer.open(sealed, "LTAIkey1"));
        assertNotEquals(sealed, sealer.seal("s3cret-value", "LTAIkey1"), "a fresh nonce every time");
    }

    @Test
    void anAlteredMovedOrForeignSealDoesNotOpen() {
        String sealed = sealer.seal("s3cret-value", "LTAIkey1");
        // a character inside the text (the last one may only carry padding bits, which decode alike)
        int at = sealed.length() / 2;
        String altered = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
        assertThrows(IllegalStateException.class, () -> sealer.open(altered, "LTAIkey1"));
        assertThrows(IllegalStateException.class, () -> sealer.open(sealed, "LTAIkey2"), "bound to its key id");
        AesGcmSecretSealer other = new AesGcmSecretSealer("another master key, also thirty-two+".getBytes(StandardCharsets.UTF_8));
        assertThrows(IllegalStateException.class, () -> other.open(sealed, "LTAIkey1"));
        assertThrows(IllegalStateException.class, () -> sealer.open("v1.AAAA", "LTAIkey1"));
        assertThrows(IllegalStateException.class, () -> sealer.open("plain text", "LTAIkey1"));
    }
}
