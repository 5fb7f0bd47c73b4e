package com.bulkupload.domain.model.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmailHashesTest {

    @Test
    void anEmailIsTrimmedAndLowerCasedBeforeItsSha256IsTaken() {
        String expected = "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b"; // sha256("test@example.com")
        assertEquals(expected, EmailHashes.of("test@example.com"));
        assertEquals(expected, EmailHashes.of("  Test@EXAMPLE.com\t"));
        assertEquals("test@example.com", EmailHashes.normalise(" TEST@example.COM "));
    }

    @Test
    void onlySixtyFourHexDigitsAreAHash() {
        assertTrue(EmailHashes.isHash("973DFE463EC85785F5F95AF5BA3906EEDB2D931C24E69824A89EA65DBA4E813B"));
        assertFalse(EmailHashes.isHash("test@example.com"));
        assertFalse(EmailHashes.isHash("abc123"));
        assertFalse(EmailHashes.isHash("973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813"));
        assertFalse(EmailHashes.isHash("g73dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b"));
        assertFalse(EmailHashes.isHash(null));
    }
}
