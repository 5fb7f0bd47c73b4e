package com.bulkupload.domain.model.customer;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Explicit column mappings (CONTRACT §2, §5, docs/columns.md): which column an uploaded header
 * cell means, or that it is to be ignored, overriding recognition. A request's own mappings win,
 * then its list's default, then recognition ({@link ColumnNames}). A mapping names a header cell
 * as written, case, a BOM and surrounding white space aside ({@link #key}): it is the client's
 * word for one column, so {@code E-mail} does not also name {@code Email}.
 */
public final class ColumnMappings {

    /** No mappings: recognition alone. */
    public static final ColumnMappings NONE = new ColumnMappings(Map.of(), Map.of());

    static final int MAX_ENTRIES = 200;
    static final int MAX_HEADER_CHARS = 255;

    /** By the compared form of the header cell: the column it means, empty to ignore it. */
    private final Map<String, Optional<ColumnNames.Column>> byHeader;
    /** The header cells as the client wrote them, for messages. */
    private final Map<String, String> written;

    private ColumnMappings(Map<String, Optional<ColumnNames.Column>> byHeader, Map<String, String> written) {
        this.byHeader = byHeader;
        this.written = written;
    }

    /**
     * Mappings as a client sends them: {@code {"uploaded header": "Field"}}, a null field to ignore
     * the column. Field names are our column names (any case).
     *
     * @throws IllegalArgumentException a sentence for the client, when a header is blank or too
     *                                  long, a field is not ours, or two headers name one field
     */
    public static ColumnMappings of(Map<String, String> mappings) {
        if (mappings == null || mappings.isEmpty()) {
            return NONE;
        }
        if (mappings.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("ColumnMappings has " + mappings.size() + " entries; at most " + MAX_ENTRIES + " are allowed.");
        }
        Map<String, Optional<ColumnNames.Column>> byHeader = new LinkedHashMap<>();
        Map<String, String> written = new LinkedHashMap<>();
        Map<ColumnNames.Column, String> taken = new EnumMap<>(ColumnNames.Column.class);
        for (Map.Entry<String, String> entry : mappings.entrySet()) {
            String header = entry.getKey() == null ? "" : entry.getKey().strip();
            String key = key(header);
            if (key.isEmpty() || header.length() > MAX_HEADER_CHARS) {
                throw new IllegalArgumentException("A ColumnMappings header must be 1 to " + MAX_HEADER_CHARS + " characters.");
            }
            Optional<ColumnNames.Column> column = Optional.empty();
            if (entry.getValue() != null) {
                column = Optional.of(column(entry.getValue()));
                String earlier = taken.put(column.get(), header);
                if (earlier != null) {
                    throw new IllegalArgumentException("ColumnMappings maps both '" + earlier + "' and '" + header + "' to " + column.get() + ".");
                }
            }
            if (byHeader.put(key, column) != null) {
                throw new IllegalArgumentException("ColumnMappings names the column '" + header + "' twice.");
            }
            written.put(key, header);
        }
        return new ColumnMappings(Collections.unmodifiableMap(byHeader), Collections.unmodifiableMap(written));
    }

    private static ColumnNames.Column column(String field) {
        for (ColumnNames.Column column : ColumnNames.Column.values()) {
            if (column.name().equalsIgnoreCase(field.strip())) {
                return column;
            }
        }
        throw new IllegalArgumentException("ColumnMappings maps to '" + (field.length() > 64 ? field.substring(0, 64) + "..." : field)
                + "', which is no field: use Email, Phone, ExternalId, FirstName, LastName, FullName, Company, Country, City,"
                + " EmailSha256, Action, ClientId, CustomerId, or null to ignore the column.");
    }

    /** How a mapping's header and a header cell are compared: as written, case, a BOM and surrounding white space aside. */
    public static String key(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").strip().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isEmpty() {
        return byHeader.isEmpty();
    }

    /** What the mappings say of a header cell: empty when they do not name it; an empty column when it is to be ignored. */
    public Optional<Optional<ColumnNames.Column>> of(String headerCell) {
        return Optional.ofNullable(byHeader.get(key(headerCell)));
    }

    /** The headers the mappings name, as written, by their compared form. */
    public Map<String, String> headers() {
        return written;
    }

    /** As the client would send them again: header → field name, or null to ignore. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        byHeader.forEach((key, column) -> map.put(written.get(key), column.map(Enum::name).orElse(null)));
        return map;
    }

    /** The stored form: {@code header=Field&header=} with the headers URL-encoded (UTF-8). */
    public String encode() {
        StringBuilder out = new StringBuilder();
        asMap().forEach((header, field) -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(header, StandardCharsets.UTF_8)).append('=').append(field == null ? "" : field);
        });
        return out.toString();
    }

    public static ColumnMappings decode(String stored) {
        if (stored == null || stored.isEmpty()) {
            return NONE;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : stored.split("&")) {
            int equals = pair.indexOf('=');
            String field = pair.substring(equals + 1);
            map.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8), field.isEmpty() ? null : field);
        }
        return of(map);
    }
}
