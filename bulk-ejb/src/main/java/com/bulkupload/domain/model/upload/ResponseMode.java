package com.bulkupload.domain.model.upload;

import java.util.Optional;

/** Which rows the result file holds. */
public enum ResponseMode {
    ErrorsOnly,
    ErrorsAndResults;

    /** Absent means the default; any other spelling is not a mode. Case-insensitive, as clients vary. */
    public static Optional<ResponseMode> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(ErrorsOnly);
        }
        for (ResponseMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value.trim())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
