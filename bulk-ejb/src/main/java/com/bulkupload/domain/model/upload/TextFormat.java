package com.bulkupload.domain.model.upload;

import java.util.Optional;

/**
 * The delimited text formats of CONTRACT §5, as a client may declare one for its file (Marketo's
 * {@code format} parameter): a declared format wins over the file's name.
 */
public enum TextFormat {
    Csv(','),
    Tsv('\t'),
    Ssv(';');

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
        for (TextFormat format : values()) {
            if (format.name().equalsIgnoreCase(value.trim())) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
