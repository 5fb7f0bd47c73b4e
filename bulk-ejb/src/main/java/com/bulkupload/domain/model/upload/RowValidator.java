package com.bulkupload.domain.model.upload;

import com.bulkupload.domain.model.customer.CustomerField;
import com.bulkupload.domain.model.customer.EmailAddresses;
import com.bulkupload.domain.model.customer.EmailHashes;
import com.bulkupload.domain.model.customer.LookupField;
import com.bulkupload.domain.model.customer.PhoneNumbers;
import com.bulkupload.domain.model.error.ErrorCode;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The row rules of CONTRACT section 5: field count, Action, lookup value present, every Email and
 * Phone valid, no value longer than its column (never truncated). Values are trimmed; emails are
 * kept in lower case and matched by their hash ({@link EmailHashes}), which every row with an
 * e-mail gets; phones are kept and matched in their normal form ({@link PhoneNumbers}).
 */
public final class RowValidator {

    private final UploadHeader header;
    private final LookupField lookup;
    /** The header's fields and their columns, as arrays: walked for every row of a file. */
    private final CustomerField[] headerFields;
    private final int[] headerColumns;

    public RowValidator(UploadHeader header, LookupField lookup) {
        this.header = header;
        this.lookup = lookup;
        this.headerFields = header.fields().keySet().toArray(CustomerField[]::new);
        this.headerColumns = header.fields().values().stream().mapToInt(Integer::intValue).toArray();
    }

    public RowCheck check(long rowNumber, List<String> fields) {
        if (fields.size() != header.size()) {
            return new RowCheck.Invalid(rowNumber, ErrorCode.WRONG_FIELD_COUNT,
                    "The row has " + fields.size() + " fields; the header has " + header.size() + ".");
        }
        String actionValue = value(fields, header.actionIndex());
        boolean delete;
        if (actionValue.isEmpty() || actionValue.equalsIgnoreCase("Upsert")) {
            delete = false;
        } else if (actionValue.equalsIgnoreCase("Delete")) {
            delete = true;
        } else {
            return new RowCheck.Invalid(rowNumber, ErrorCode.INVALID_ACTION, "Action '" + actionValue + "' is not Upsert or Delete.");
        }

        Map<CustomerField, String> values = new EnumMap<>(CustomerField.class);
        for (int f = 0; f < headerFields.length; f++) {
            CustomerField field = headerFields[f];
            String value = value(fields, headerColumns[f]);
            if (value.length() > field.maxLength()) {
                return new RowCheck.Invalid(rowNumber, ErrorCode.VALUE_TOO_LONG,
                        field + " has " + value.length() + " characters; at most " + field.maxLength() + " are allowed.");
            }
            if (field == CustomerField.Email && !value.isEmpty()) {
                if (!EmailAddresses.isEmailAddress(value)) {
                    return new RowCheck.Invalid(rowNumber, ErrorCode.INVALID_EMAIL, "'" + value + "' is not a valid email address.");
                }
                value = value.toLowerCase(Locale.ROOT);
            }
            if (field == CustomerField.Phone && !value.isEmpty()) {
                String normal = PhoneNumbers.normalise(value);
                if (normal == null) {
                    return new RowCheck.Invalid(rowNumber, ErrorCode.INVALID_PHONE, "'" + value
                            + "' is not a phone number (optional + and 5 to 20 digits; spaces, -, ., ( and ) are allowed between them).");
                }
                value = normal;
            }
            if (field == CustomerField.EmailSha256 && !value.isEmpty()) {
                if (!EmailHashes.isHash(value)) {
                    return new RowCheck.Invalid(rowNumber, ErrorCode.INVALID_HASHED_EMAIL,
                            "EmailSha256 must be the SHA-256 of the normalised e-mail as 64 hex digits.");
                }
                value = value.toLowerCase(Locale.ROOT);
            }
            values.put(field, value);
        }
        if (values.containsKey(CustomerField.Email)) {
            // the e-mail's hash goes with it: set from it, cleared with it
            String email = values.get(CustomerField.Email);
            String given = values.getOrDefault(CustomerField.EmailSha256, "");
            String hash = email.isEmpty() ? given : EmailHashes.of(email);
            if (!given.isEmpty() && !given.equals(hash)) {
                return new RowCheck.Invalid(rowNumber, ErrorCode.EMAIL_HASH_MISMATCH, "EmailSha256 is not the SHA-256 of the row's Email.");
            }
            values.put(CustomerField.EmailSha256, hash);
        }

        String key;
        if (lookup == LookupField.Id) {
            String id = value(fields, header.customerIdIndex());
            if (id.isEmpty()) {
                return new RowCheck.Invalid(rowNumber, ErrorCode.MISSING_LOOKUP_VALUE, "CustomerId is empty.");
            }
            try {
                key = Long.toString(Long.parseLong(id));
            } catch (NumberFormatException e) {
                return new RowCheck.Invalid(rowNumber, ErrorCode.INVALID_RECORD_ID, "CustomerId '" + id + "' is not a whole number.");
            }
        } else {
            key = values.getOrDefault(lookup.column().orElseThrow(), "");
            if (key.isEmpty()) {
                return new RowCheck.Invalid(rowNumber, ErrorCode.MISSING_LOOKUP_VALUE, lookup + " is empty.");
            }
        }
        return new RowCheck.Valid(rowNumber, delete, key, values);
    }

    private static String value(List<String> fields, int index) {
        if (index < 0 || index >= fields.size() || fields.get(index) == null) {
            return "";
        }
        return fields.get(index).trim();
    }
}
