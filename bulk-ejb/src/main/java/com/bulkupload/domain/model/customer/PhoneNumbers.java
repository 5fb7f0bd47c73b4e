package com.bulkupload.domain.model.customer;

import java.util.regex.Pattern;

/**
 * Phones as people write them (CONTRACT §5): {@code +86 138-0000-0001}, {@code (555) 123-4567} and
 * {@code +1.555.123.4567} are an optional + and 5 to 20 digits once the separators (spaces, -, ., (,
 * )) are removed. Customers store and match that normal form, so the same phone written two ways
 * is the same customer's.
 */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[ \\-.()]");
    private static final Pattern NORMAL_FORM = Pattern.compile("\\+?[0-9]{5,20}");

    private PhoneNumbers() {
    }

    /** The normal form of a phone, or null when it is not one (letters, too few or too many digits, a + inside). */
    public static String normalise(String phone) {
        if (phone == null) {
            return null;
        }
        String normal = SEPARATORS.matcher(phone).replaceAll("");
        return NORMAL_FORM.matcher(normal).matches() ? normal : null;
    }
}
