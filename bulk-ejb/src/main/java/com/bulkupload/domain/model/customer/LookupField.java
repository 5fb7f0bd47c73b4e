package com.bulkupload.domain.model.customer;

import java.util.Optional;

/** The column that identifies a customer record in the list; {@code Id} only updates existing ones. */
public enum LookupField {
    Email,
    Phone,
    ExternalId,
    Id;

    /**
     * The data column that holds the key; empty for {@code Id}, the customer's own id. A customer is
     * found by e-mail through the e-mail's hash, which every customer with an e-mail carries.
     */
    public Optional<CustomerField> column() {
        return switch (this) {
            case Email -> Optional.of(CustomerField.EmailSha256);
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
