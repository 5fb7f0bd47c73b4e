package com.bulkupload.domain.model.customer;

import java.util.Optional;

/** The data columns of a customer record, with the longest value each accepts (CONTRACT section 5). */
public enum CustomerField {
    Email(254),
    Phone(32),
    ExternalId(64),
    FirstName(255),
    LastName(255),
    Company(255),
    Country(64),
    City(255);

    private final int maxLength;

    CustomerField(int maxLength) {
        this.maxLength = maxLength;
    }

    public int maxLength() {
        return maxLength;
    }

    public static Optional<CustomerField> ofHeader(String name) {
        for (CustomerField field : values()) {
            if (field.name().equalsIgnoreCase(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
