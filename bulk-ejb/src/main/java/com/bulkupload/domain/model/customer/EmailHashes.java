package com.bulkupload.domain.model.customer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The SHA-256 of an e-mail, as Microsoft's Customer Match takes it: the e-mail normalised first —
 * surrounding white space removed, every letter in lower case (Locale.ROOT) — then its UTF-8 bytes
 * hashed, written as 64 lower-case hex digits. Nothing else is changed (no dots or {@code +tags}
 * removed: they may be part of the address).
 */
public final class EmailHashes {

    /** One digest per thread: a MessageDigest is not thread-safe, and getting one costs every row. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });
    private static final HexFormat HEX = HexFormat.of();

    private EmailHashes() {
    }

    /** The e-mail as it is hashed and stored: trimmed, lower case. */
    public static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** The hash of the e-mail after {@link #normalise}. */
    public static String of(String email) {
        return HEX.formatHex(SHA256.get().digest(normalise(email).getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether the text is a hash as we take it: exactly 64 hex digits, either case. */
    public static boolean isHash(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }
}
