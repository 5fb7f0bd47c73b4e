package com.bulkupload.domain.model.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.domain.model.customer.CustomerField;
import com.bulkupload.domain.model.customer.EmailHashes;
import com.bulkupload.domain.model.customer.LookupField;
import com.bulkupload.domain.model.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowValidatorTest {

    private static final UploadHeader HEADER = UploadHeader.of(
            List.of("ClientId", "email", " Phone ", "ExternalId", "FirstName", "LastName", "Country", "Action", "Colour", "CustomerId"));
    private final RowValidator byEmail = new RowValidator(HEADER, LookupField.Email);

    private static List<String> row(String email, String phone, String externalId, String lastName, String country, String action, String id) {
        return List.of("c1", email, phone, externalId, "First", lastName, country, action, "blue", id);
    }

    private ErrorCode failure(RowValidator validator, List<String> fields) {
        return assertInstanceOf(RowCheck.Invalid.class, validator.check(7, fields)).error();
    }

    @Test
    void headerIsMatchedIgnoringCaseAndBlanks() {
        assertEquals(1, HEADER.fields().get(CustomerField.Email));
        assertEquals(2, HEADER.fields().get(CustomerField.Phone));
        assertEquals(7, HEADER.actionIndex());
        assertEquals(9, HEADER.customerIdIndex());
        assertEquals(List.of("Colour"), HEADER.unknownColumns());
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> UploadHeader.of(List.of("Email", "EMAIL", "FirstName")));
        assertTrue(duplicate.getMessage().contains("EMAIL"));
    }

    @Test
    void aHeaderWiderThanExcelsLastColumnIsRefusedAndTheIgnoredColumnsWarningStaysShort() {
        List<String> tooWide = java.util.Collections.nCopies(UploadHeader.MAX_COLUMNS + 1, "");
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class, () -> UploadHeader.of(tooWide));
        assertEquals("The header has 16385 columns; at most 16384 are allowed.", wide.getMessage());

        List<String> names = new java.util.ArrayList<>(List.of("Email"));
        for (int i = 0; i < 1000; i++) {
            names.add("Extra" + i + "x".repeat(1000));
        }
        names.addAll(java.util.Collections.nCopies(5000, " "));
        String warning = UploadHeader.of(names).ignoredColumnsWarning().orElseThrow();
        assertTrue(warning.startsWith("Ignored columns: Extra0xxx"), warning);
        assertTrue(warning.endsWith(", and 980 more, 5000 columns without a name. " + UploadHeader.RECOGNISED), warning);
        assertTrue(warning.length() < 2000, "it fits the request's error details: " + warning.length());
        assertEquals("Ignored columns: Colour. " + UploadHeader.RECOGNISED, HEADER.ignoredColumnsWarning().orElseThrow());
        assertTrue(UploadHeader.of(List.of("Email")).ignoredColumnsWarning().isEmpty());
    }

    @Test
    void validRowIsTrimmedAndKeyedByTheHashOfItsLowerCaseEmail() {
        RowCheck.Valid valid = assertInstanceOf(RowCheck.Valid.class,
                byEmail.check(7, row(" Alice@Example.COM ", "+8613800000001", "x-1", "Wang", "CN", "", "")));
        assertEquals(7, valid.rowNumber());
        assertEquals(EmailHashes.of("alice@example.com"), valid.key());
        assertEquals("alice@example.com", valid.values().get(CustomerField.Email));
        assertEquals(EmailHashes.of("alice@example.com"), valid.values().get(CustomerField.EmailSha256), "the e-mail's hash goes with it");
        assertEquals("Wang", valid.values().get(CustomerField.LastName));
        assertTrue(!valid.delete());
        assertTrue(!valid.values().containsKey(CustomerField.City), "a column the file lacks is not touched");
    }

    @Test
    void eachRuleHasItsCode() {
        assertEquals(ErrorCode.INVALID_EMAIL, failure(byEmail, row("not-an-email", "", "", "", "", "", "")));
        assertEquals(ErrorCode.INVALID_EMAIL, failure(byEmail, row("a@b", "", "", "", "", "", "")));
        assertEquals(ErrorCode.MISSING_LOOKUP_VALUE, failure(byEmail, row(" ", "+12065550101", "", "", "", "", "")));
        assertEquals(ErrorCode.INVALID_PHONE, failure(byEmail, row("a@example.com", "12345678901234567890123", "", "", "", "", "")));
        assertEquals(ErrorCode.INVALID_PHONE, failure(byEmail, row("a@example.com", "1234", "", "", "", "", "")));
        // separators are allowed since Dec 2026 (CONTRACT §5); letters, a + inside and too few digits are not
        assertEquals(ErrorCode.INVALID_PHONE, failure(byEmail, row("a@example.com", "+49 30 12a", "", "", "", "", "")));
        assertEquals(ErrorCode.INVALID_PHONE, failure(byEmail, row("a@example.com", "12-34", "", "", "", "", "")));
        assertEquals(ErrorCode.INVALID_PHONE, failure(byEmail, row("a@example.com", "86+13800000001", "", "", "", "", "")));
        assertEquals(ErrorCode.INVALID_PHONE, failure(byEmail, row("a@example.com", "+86/138/0000", "", "", "", "", "")));
        assertEquals(ErrorCode.VALUE_TOO_LONG, failure(byEmail, row("a@example.com", "", "", "X".repeat(256), "", "", "")));
        assertEquals(ErrorCode.VALUE_TOO_LONG, failure(byEmail, row("a@example.com", "", "", "", "C".repeat(65), "", "")));
        assertEquals(ErrorCode.INVALID_ACTION, failure(byEmail, row("a@example.com", "", "", "", "", "Remove", "")));
        assertEquals(ErrorCode.WRONG_FIELD_COUNT, failure(byEmail, List.of("c1", "a@example.com")));
    }

    @Test
    void phonesAsPeopleWriteThemAreStoredAndMatchedInTheirNormalForm() {
        RowValidator byPhone = new RowValidator(HEADER, LookupField.Phone);
        for (String[] phone : new String[][] {
                {"+86 138-0000-0001", "+8613800000001"}, {"(555) 123-4567", "5551234567"},
                {"+1.555.123.4567", "+15551234567"}, {"+8613800000001", "+8613800000001"}}) {
            RowCheck.Valid valid = assertInstanceOf(RowCheck.Valid.class, byPhone.check(2, row("", phone[0], "", "", "", "", "")));
            assertEquals(phone[1], valid.key(), phone[0]);
            assertEquals(phone[1], valid.values().get(CustomerField.Phone), phone[0]);
        }
    }

    @Test
    void lengthsAreInclusive() {
        String email = "a".repeat(242) + "@example.com";
        assertEquals(254, email.length());
        assertInstanceOf(RowCheck.Valid.class, byEmail.check(2, row(email, "", "", "X".repeat(255), "C".repeat(64), "", "")));
    }

    @Test
    void deleteNeedsOnlyTheKey() {
        RowCheck.Valid delete = assertInstanceOf(RowCheck.Valid.class, byEmail.check(3, row("g@example.com", "", "", "", "", "delete", "")));
        assertTrue(delete.delete());
    }

    @Test
    void otherLookupFields() {
        RowValidator byPhone = new RowValidator(HEADER, LookupField.Phone);
        assertEquals("+4930123456", assertInstanceOf(RowCheck.Valid.class, byPhone.check(2, row("", "+4930123456", "", "", "", "", ""))).key());
        assertEquals(ErrorCode.MISSING_LOOKUP_VALUE, failure(byPhone, row("a@example.com", "", "", "", "", "", "")));

        RowValidator byId = new RowValidator(HEADER, LookupField.Id);
        assertEquals("42", assertInstanceOf(RowCheck.Valid.class, byId.check(2, row("", "", "", "", "", "", " 042 "))).key());
        assertEquals(ErrorCode.INVALID_RECORD_ID, failure(byId, row("", "", "", "", "", "", "forty-two")));
        assertEquals(ErrorCode.MISSING_LOOKUP_VALUE, failure(byId, row("", "", "", "", "", "", "")));
    }

    @Test
    void aHashedEmailColumnIsCheckedAndMustAgreeWithTheEmail() {
        RowValidator hashed = new RowValidator(UploadHeader.of(List.of("EmailSha256", "FirstName")), LookupField.Email);
        String hash = EmailHashes.of("bob@example.com");
        RowCheck.Valid valid = assertInstanceOf(RowCheck.Valid.class, hashed.check(2, List.of(hash.toUpperCase(), "Bob")));
        assertEquals(hash, valid.key());
        assertEquals(ErrorCode.INVALID_HASHED_EMAIL, failure(hashed, List.of("bob@example.com", "Bob")));
        RowValidator both = new RowValidator(UploadHeader.of(List.of("Email", "EmailSha256")), LookupField.Email);
        assertEquals(ErrorCode.EMAIL_HASH_MISMATCH, failure(both, List.of("bob@example.com", EmailHashes.of("eve@example.com"))));
        assertEquals(hash, assertInstanceOf(RowCheck.Valid.class, both.check(2, List.of("Bob@Example.com", hash))).key());
    }
}
