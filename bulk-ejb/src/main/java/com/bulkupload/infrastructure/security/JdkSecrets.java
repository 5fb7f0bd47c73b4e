package com.bulkupload.infrastructure.security;

import com.bulkupload.application.identity.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The application's {@link Secrets}, made and checked with the JDK's own primitives.
 * <ul>
 * <li>Client secrets may be chosen by people (the bootstrap variables), so they are stored as
 * PBKDF2-HMAC-SHA256 with a random salt, {@value #PBKDF2_ITERATIONS} iterations.</li>
 * <li>Access tokens and developer tokens are 256-bit random values that we generate; a SHA-256 of
 * such a value cannot be reversed, and it lets a token be looked up by its hash on every request.</li>
 * </ul>
 */
@ApplicationScoped
public class JdkSecrets implements Secrets {

    static final int PBKDF2_ITERATIONS = 120_000;
    private static final String PBKDF2 = "PBKDF2WithHmacSHA256";
    private static final String PBKDF2_PREFIX = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** 32 random bytes, URL-safe base64 without padding (43 characters). */
    @Override
    public String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A short random identifier: {@code prefix} followed by 20 hex digits. */
    @Override
    public String newId(String prefix) {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    @Override
    public String sha256(String value) {
        return sha256(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Hex SHA-256 of the bytes. */
    @Override
    public String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** Random letters and digits, for identifiers and secrets that must be only those (signing keys). */
    @Override
    public String newAlphanumeric(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }

    /** Compares in time independent of where the strings differ. */
    @Override
    public boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String hashPassword(String secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return encode(salt, PBKDF2_ITERATIONS, pbkdf2(secret, salt, PBKDF2_ITERATIONS));
    }

    @Override
    public boolean verifyPassword(String secret, String stored) {
        if (secret == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !PBKDF2_PREFIX.equals(parts[0])) {
            return false;
        }
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, pbkdf2(secret, salt, iterations));
    }

    private static String encode(byte[] salt, int iterations, byte[] hash) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PBKDF2_PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    private static byte[] pbkdf2(String secret, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance(PBKDF2).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
