package com.bulkupload.interfaces.web;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.domain.model.error.ErrorCode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} text (a query string or a form body) as the signed
 * protocols need it: every name and value decoded as UTF-8, in order, the first NUL or bad escape
 * refused (3241), nothing read by the container first (the signature covers the exact values).
 */
public final class FormParameters {

    private FormParameters() {
    }

    public static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                    throw new BulkApiException(ErrorCode.INVALID_PARAMETER, "A parameter may not contain a NUL character.");
                }
                values.put(name, value);
            } catch (IllegalArgumentException e) {
                throw new BulkApiException(ErrorCode.INVALID_PARAMETER, "The parameters are not validly percent-encoded.");
            }
        }
        return values;
    }

}
