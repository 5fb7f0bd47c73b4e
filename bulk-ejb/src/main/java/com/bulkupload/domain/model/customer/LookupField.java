package com.bulkupload.domain.model.customer;

import java.util.Optional;

/** The column that identifies a customer record in the list; {@code Id} only updates existing ones. */
public enum LookupField {
    Email,
    Phone,
    ExternalId,
    Id;

    /** The data column that holds the key; empty for {@code Id}, the customer's own id. */
    public Optional<CustomerField> column() {
        return switch (this) {
            case Email -> Optional.of(CustomerField.Email);
            case Phone -> Optional.of(CustomerField.Phone);
            case ExternalId -> Optional.of(CustomerField.ExternalId);
            case Id -> Optional.empty();
        };
    }

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
