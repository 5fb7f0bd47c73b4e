package com.bulkupload.domain.model.upload;

import static com.bulkupload.domain.model.upload.BulkFileLines.HEADER;
import static com.bulkupload.domain.model.upload.BulkFileLines.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.domain.model.customer.EmailHashes;
import com.bulkupload.domain.model.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkFileRecordsTest {

    private static final String HASH = EmailHashes.of("a@example.com");

    @Test
    void aHeaderWithATypeColumnIsABulkFileAndOursIsNot() {
        assertTrue(BulkFileRecords.isBulkFile(HEADER));
        assertTrue(BulkFileRecords.isBulkFile(List.of(" type ", "Id")));
        assertFalse(BulkFileRecords.isBulkFile(List.of("Email", "FirstName")));
    }

    @Test
    void onlyAFirstRecordOfFormatVersion6IsAccepted() {
        BulkFileRecords records = new BulkFileRecords(HEADER);
        assertNull(records.formatVersionProblem(record("Type", "Format Version", "Name", "6.0")));
        assertTrue(records.formatVersionProblem(record("Type", "Format Version", "Name", "5.0")).contains("'5.0' is not supported"));
        assertTrue(records.formatVersionProblem(record("Type", "Customer List", "Id", "-1")).contains("must be Format Version 6.0"));
    }

    @Test
    void aNewListNeedsItsNameAndAnExistingOneItsId() {
        BulkFileRecords records = new BulkFileRecords(HEADER);
        RowCheck.ListRecord created = assertInstanceOf(RowCheck.ListRecord.class, records.check(2, record("Type", "Customer List", "Id", "-1",
                "Audience", "Buyers", "Description", "d", "Membership Duration", "30", "Scope", "account", "Action Type", "replace")));
        assertEquals(new RowCheck.ListRecord(2, -1, RowCheck.ListAction.Replace, false, "Buyers", "d", 30, "Account"), created);
        assertTrue(created.createsList());
        assertEquals(ErrorCode.INVALID_CUSTOMER_LIST_RECORD, invalid(records.check(3, record("Type", "Customer List", "Id", "-2"))));
        assertEquals(ErrorCode.INVALID_CUSTOMER_LIST_RECORD, invalid(records.check(4, record("Type", "Customer List", "Id", "x", "Audience", "A"))));
        assertEquals(ErrorCode.INVALID_CUSTOMER_LIST_RECORD, invalid(records.check(5, record("Type", "Customer List", "Id", "7", "Action Type", "Merge"))));
        assertEquals(ErrorCode.INVALID_CUSTOMER_LIST_RECORD, invalid(records.check(6, record("Type", "Customer List", "Id", "7", "Membership Duration", "541"))));
        RowCheck.ListRecord deleted = assertInstanceOf(RowCheck.ListRecord.class, records.check(7, record("Type", "Customer List", "Id", "7", "Status", "Deleted")));
        assertTrue(deleted.delete());
    }

    @Test
    void anItemIsAddedOrRemovedAsItsListsActionTypeSaysAndTakesOnlyAHash() {
        BulkFileRecords records = new BulkFileRecords(HEADER);
        records.check(2, record("Type", "Customer List", "Id", "42", "Action Type", "Remove"));
        assertEquals(new RowCheck.ListItem(3, 42L, null, true, HASH),
                records.check(3, record("Type", "Customer List Item", "Parent Id", "42", "Sub Type", "Email", "Text", HASH.toUpperCase())));
        assertEquals(new RowCheck.ListItem(4, -9L, null, false, HASH),
                records.check(4, record("Type", "Customer List Item", "Parent Id", "-9", "Sub Type", "email", "Text", HASH)));
        assertEquals(new RowCheck.ListItem(5, null, "Buyers", false, HASH),
                records.check(5, record("Type", "Customer List Item", "Audience", "Buyers", "Sub Type", "Email", "Text", HASH)));
        RowCheck plain = records.check(6, record("Type", "Customer List Item", "Parent Id", "42", "Sub Type", "Email", "Text", "a@example.com"));
        assertEquals(ErrorCode.INVALID_HASHED_EMAIL, invalid(plain));
        assertFalse(((RowCheck.Invalid) plain).reason().contains("a@example.com"), "a plain e-mail is never quoted back");
        assertEquals(ErrorCode.INVALID_HASHED_EMAIL, invalid(records.check(7, record("Type", "Customer List Item", "Parent Id", "42", "Sub Type", "Email", "Text", "abc123"))));
        assertEquals(ErrorCode.INVALID_CUSTOMER_LIST_RECORD, invalid(records.check(8, record("Type", "Customer List Item", "Parent Id", "42", "Sub Type", "Phone", "Text", HASH))));
        assertEquals(ErrorCode.INVALID_CUSTOMER_LIST_RECORD, invalid(records.check(9, record("Type", "Customer List Item", "Sub Type", "Email", "Text", HASH))));
    }

    @Test
    void aResumedImportStillKnowsTheActionOfAListItSkipped() {
        BulkFileRecords records = new BulkFileRecords(HEADER);
        records.skip(2, record("Type", "Customer List", "Id", "42", "Action Type", "Remove"));
        assertEquals(new RowCheck.ListItem(3, 42L, null, true, HASH),
                records.check(3, record("Type", "Customer List Item", "Parent Id", "42", "Sub Type", "Email", "Text", HASH)));
    }

    @Test
    void anyOtherRecordTypeFailsAloneAndAWrongWidthFailsTheRecord() {
        BulkFileRecords records = new BulkFileRecords(HEADER);
        assertEquals(ErrorCode.RECORD_TYPE_NOT_SUPPORTED, invalid(records.check(2, record("Type", "Campaign", "Id", "-3"))));
        assertEquals(ErrorCode.WRONG_FIELD_COUNT, invalid(records.check(3, List.of("Customer List", "", "7"))));
        assertInstanceOf(RowCheck.FormatVersion.class, records.check(4, record("Type", "Format Version", "Name", "6.0")));
    }

    private static ErrorCode invalid(RowCheck check) {
        return assertInstanceOf(RowCheck.Invalid.class, check).error();
    }
}
