package com.bulkupload.domain.model.upload;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The delimited text formats of CONTRACT §5, as a client may declare one for its file (Marketo's
 * {@code format} parameter): a declared format wins over the file's name.
 */
public enum TextFormat {
    Csv(','),
    Tsv('\t'),
    Ssv(';'),
    /** Pipe-separated: read when its header line says so (never declared: {@link #parse} takes csv, tsv and ssv). */
    Psv('|');

    private final char delimiter;

    TextFormat(char delimiter) {
        this.delimiter = delimiter;
    }

    public char delimiter() {
        return delimiter;
    }

    /** The format of a delimiter the reader found (an XLSX is written back as CSV). */
    public static TextFormat ofDelimiter(char delimiter) {
        for (TextFormat format : values()) {
            if (format.delimiter == delimiter) {
                return format;
            }
        }
        return Csv;
    }

    /** {@code csv}, {@code tsv} or {@code ssv}, any case; anything else is no format. */
    public static Optional<TextFormat> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (TextFormat format : List.of(Csv, Tsv, Ssv)) {
            if (format.name().equalsIgnoreCase(value.trim())) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /**
     * The delimiter a file's name or content type tells (0 when neither does): {@code .csv},
     * {@code .tsv} or {@code .tab}, {@code .ssv}, or {@code text/tab-separated-values}.
     *
     * @param name the file's name in lower case
     */
    public static char delimiterByName(String name, String contentType) {
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return '\t';
        }
        if (name.endsWith(".ssv")) {
            return ';';
        }
        if (name.endsWith(".csv")) {
            return ',';
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/tab-separated-values")) {
            return '\t';
        }
        return 0;
    }
}
