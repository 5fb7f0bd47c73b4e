package com.bulkupload.domain.model.upload;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The id of an upload request: 20 lower-case hex digits (80 random bits), made by the server. The
 * one format check of the code base: text that is not of this shape is no RequestId, so it is
 * never looked up, never reaches a file name and answers exactly like an unknown id.
 */
public record RequestId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{20}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public RequestId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a RequestId");
        }
    }

    /** The RequestId the text is, if it is one (surrounding blanks ignored). */
    public static Optional<RequestId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        return SHAPE.matcher(trimmed).matches() ? Optional.of(new RequestId(trimmed)) : Optional.empty();
    }

    public static RequestId newRandom() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return new RequestId(HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
