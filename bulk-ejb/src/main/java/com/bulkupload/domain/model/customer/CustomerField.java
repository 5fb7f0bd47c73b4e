package com.bulkupload.domain.model.customer;

/** The data columns of a customer record, with the longest value each accepts (CONTRACT section 5). */
public enum CustomerField {
    Email(254),
    Phone(32),
    ExternalId(64),
    FirstName(255),
    LastName(255),
    Company(255),
    Country(64),
    City(255),
    /**
     * The SHA-256 of the normalised e-mail ({@link EmailHashes}), 64 lower-case hex digits: set
     * whenever the e-mail is known, and the only key of a customer whose e-mail arrived hashed.
     * Customers are found by e-mail through it, so a hashed item and a plain-text upload of the
     * same person are one customer.
     */
    EmailSha256(64),
    /** The person's name as written in one column ({@code 姓名}, {@code Full Name}): kept as it is, never split. */
    FullName(255);

    private final int maxLength;

    CustomerField(int maxLength) {
        this.maxLength = maxLength;
    }

    public int maxLength() {
        return maxLength;
    }
}
