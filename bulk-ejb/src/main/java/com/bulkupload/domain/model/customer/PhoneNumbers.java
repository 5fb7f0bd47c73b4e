package com.bulkupload.domain.model.customer;

/**
 * Phones as people write them (CONTRACT §5): {@code +86 138-0000-0001}, {@code (555) 123-4567} and
 * {@code +1.555.123.4567} are an optional + and 5 to 20 digits once the separators (spaces, -, ., (,
 * )) are removed. Customers store and match that normal form, so the same phone written two ways
 * is the same customer's.
 *
 * <p>One pass over the characters, not the two regular expressions it once was ({@code [ \-.()]}
 * removed, then {@code \+?[0-9]{5,20}} matched): those were a tenth of the file reader's CPU in a
 * 1M-row import (docs/performance-profile.md, "Round 3: the import's Java work").
 * {@code ValueRulesAgreeWithTheirPatternsTest} holds the two to the same answers.
 */
public final class PhoneNumbers {

    private static final int MIN_DIGITS = 5;
    private static final int MAX_DIGITS = 20;

    private PhoneNumbers() {
    }

    /** The normal form of a phone, or null when it is not one (letters, too few or too many digits, a + inside). */
    public static String normalise(String phone) {
        if (phone == null) {
            return null;
        }
        StringBuilder normal = null; // only once a separator shows: most phones are in normal form already
        int digits = 0;
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') {
                if (normal == null) {
                    normal = new StringBuilder(phone.length()).append(phone, 0, i);
                }
                continue;
            }
            boolean first = (normal == null ? i : normal.length()) == 0;
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c != '+' || !first) {
                return null;
            }
            if (normal != null) {
                normal.append(c);
            }
        }
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            return null;
        }
        return normal == null ? phone : normal.toString();
    }
}
