package com.bulkupload.domain.model.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link EmailAddresses} and {@link PhoneNumbers} check in one pass what CONTRACT §5 states as
 * patterns; here they meet those patterns on a few hundred thousand strings made of the characters
 * that matter to them, so the hand-written loops cannot drift from the rule.
 */
class ValueRulesAgreeWithTheirPatternsTest {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[ \\-.()]");
    private static final Pattern PHONE_NORMAL_FORM = Pattern.compile("\\+?[0-9]{5,20}");

    private static final String EMAIL_ALPHABET = "ab@@..  \t\n\u000B\f\r\u00A0\u2003x1-+_中\uD83D\uDE00";
    private static final String ADDRESS_ALPHABET = "abcdefgh......@ \t\u00A0中";
    private static final String PHONE_ALPHABET = "0123456789012345678901234567890123456789 -.()++ax\t٣０\u00A0";

    private static String randomOf(Random random, String alphabet, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    @Test
    void anEmailAddressIsWhatThePatternOfTheContractMatchesOnThreeHundredThousandStrings() {
        Random random = new Random(20261205);
        int accepted = 0;
        for (int i = 0; i < 300_000; i++) {
            // half of them shaped like an address, so that both answers come up often
            String value = i % 2 == 0 ? randomOf(random, EMAIL_ALPHABET, 14)
                    : randomOf(random, ADDRESS_ALPHABET, 6) + "@" + randomOf(random, ADDRESS_ALPHABET, 9);
            boolean expected = EMAIL.matcher(value).matches();
            assertEquals(expected, EmailAddresses.isEmailAddress(value), () -> "'" + value + "'");
            accepted += expected ? 1 : 0;
        }
        assertTrue(accepted > 2_000, "the strings must reach both answers, accepted " + accepted);
    }

    @Test
    void aPhonesNormalFormIsWhatTheTwoPatternsOfTheContractMakeOfItOnThreeHundredThousandStrings() {
        Random random = new Random(20261205);
        int accepted = 0;
        for (int i = 0; i < 300_000; i++) {
            String value = randomOf(random, PHONE_ALPHABET, 26);
            String separatorsRemoved = PHONE_SEPARATORS.matcher(value).replaceAll("");
            String expected = PHONE_NORMAL_FORM.matcher(separatorsRemoved).matches() ? separatorsRemoved : null;
            assertEquals(expected, PhoneNumbers.normalise(value), () -> "'" + value + "'");
            accepted += expected != null ? 1 : 0;
        }
        assertTrue(accepted > 10_000, "the strings must reach both answers, accepted " + accepted);
    }

    @Test
    void theWrittenFormsOfTheContractAreNormalisedAndAPhoneInNormalFormIsKeptAsItIs() {
        assertEquals("+8613800000001", PhoneNumbers.normalise("+86 138-0000-0001"));
        assertEquals("5551234567", PhoneNumbers.normalise("(555) 123-4567"));
        assertEquals("+15551234567", PhoneNumbers.normalise("+1.555.123.4567"));
        String normal = "+12065550001";
        assertSame(normal, PhoneNumbers.normalise(normal));
        assertNull(PhoneNumbers.normalise("1234"));
        assertNull(PhoneNumbers.normalise("12+345678"));
        assertNull(PhoneNumbers.normalise(null));
        assertTrue(EmailAddresses.isEmailAddress("user1@example1.com"));
        assertFalse(EmailAddresses.isEmailAddress("user1@example1"));
        assertFalse(EmailAddresses.isEmailAddress("a@b..c"));
    }
}
