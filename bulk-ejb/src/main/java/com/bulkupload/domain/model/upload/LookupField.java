package com.bulkupload.domain.model.upload;

import java.util.Optional;

/** The column that identifies a customer record in the list; {@code Id} only updates existing ones. */
public enum LookupField {
    Email,
    Phone,
    ExternalId,
    Id;

    public static Optional<LookupField> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(Email);
        }
        for (LookupField field : values()) {
            if (field.name().equalsIgnoreCase(value.trim())) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
