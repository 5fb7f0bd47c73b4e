package com.bulkupload.application.requests;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.domain.model.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The one codec of the page tokens every listing hands out: where the last page ended, a few
 * keyset values, opaque to clients (base64url). A token this service did not make is refused (100).
 */
final class PageToken {

    private static final String SEPARATOR = "\n";

    private PageToken() {
    }

    static String encode(String kind, Object... values) {
        StringBuilder text = new StringBuilder(kind);
        for (Object value : values) {
            text.append(SEPARATOR).append(value);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The token's values, or null for no token (the first page). */
    static List<String> decode(String token, String kind, int values) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (parts.length == values + 1 && parts[0].equals(kind)) {
                return List.of(parts).subList(1, parts.length);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw refused();
    }

    static BulkApiException refused() {
        return new BulkApiException(ErrorCode.NULL_REQUEST, "pageToken is not one this service gave.");
    }
}
