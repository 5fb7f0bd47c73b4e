package com.bulkupload.domain.model.customer;

/**
 * Which values are email addresses (CONTRACT §5): something without {@code @} or white space, one
 * {@code @}, then at least two dot-separated labels, none empty, none with {@code @} or white
 * space. That is the pattern {@code [^@\s]+@[^@\s.]+(\.[^@\s.]+)+}, checked in one pass over the
 * characters: as a regular expression it was a tenth of the file reader's CPU in a 1M-row import
 * (docs/performance-profile.md, "Round 3: the import's Java work"). {@code
 * ValueRulesAgreeWithTheirPatternsTest} holds the two to the same answers.
 */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    public static boolean isEmailAddress(String value) {
        int at = -1;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isWhiteSpace(c)) {
                return false;
            }
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            }
        }
        if (at <= 0) {
            return false;
        }
        int labels = 0;
        int labelStart = at + 1;
        for (int i = labelStart; i <= value.length(); i++) {
            if (i == value.length() || value.charAt(i) == '.') {
                if (i == labelStart) {
                    return false;
                }
                labels++;
                labelStart = i + 1;
            }
        }
        return labels >= 2;
    }

    /** {@code \s} of java.util.regex without UNICODE_CHARACTER_CLASS: [ \t\n\x0B\f\r]. */
    private static boolean isWhiteSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
