package com.bulkupload.domain.model.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.upload.UploadHeader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnMappingsTest {

    private static Map<String, String> mappings(String... headersAndFields) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < headersAndFields.length; i += 2) {
            map.put(headersAndFields[i], headersAndFields[i + 1]);
        }
        return map;
    }

    @Test
    void aMappingWinsOverRecognitionAndANullOneIgnoresTheColumn() {
        ColumnMappings mapped = ColumnMappings.of(mappings("Contact", "Email", "Mail", null, "备注", "City"));
        UploadHeader header = UploadHeader.of(List.of("Contact", "Mail", "备注", "Phone"), mapped);
        assertEquals(Map.of(CustomerField.Email, 0, CustomerField.City, 2, CustomerField.Phone, 3), header.fields());
        assertTrue(header.ignoredColumnsWarning().isEmpty(), "a column mapped to null is ignored without a warning");
    }

    @Test
    void aMappingSettlesTwoColumnsThatMeanOneField() {
        assertEquals(ErrorCode.AMBIGUOUS_COLUMNS,
                assertThrows(UploadHeader.Unusable.class, () -> UploadHeader.of(List.of("Email", "E-mail"))).error());
        UploadHeader header = UploadHeader.of(List.of("Email", "E-mail"), ColumnMappings.of(mappings("e-mail", null)));
        assertEquals(Map.of(CustomerField.Email, 0), header.fields());
    }

    @Test
    void aMappingOfAColumnTheFileLacksFailsTheFile() {
        UploadHeader.Unusable missing = assertThrows(UploadHeader.Unusable.class,
                () -> UploadHeader.of(List.of("Email"), ColumnMappings.of(mappings("手机", "Phone"))));
        assertEquals(ErrorCode.COLUMN_MAPPING_NOT_IN_FILE, missing.error());
        assertTrue(missing.getMessage().contains("手机"), missing.getMessage());
    }

    @Test
    void mappingsToNoFieldOrTwiceToOneFieldAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ColumnMappings.of(mappings("A", "Fax")));
        assertThrows(IllegalArgumentException.class, () -> ColumnMappings.of(mappings("A", "Email", "B", "email")));
        assertThrows(IllegalArgumentException.class, () -> ColumnMappings.of(mappings(" ", "Email")));
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i <= ColumnMappings.MAX_ENTRIES; i++) {
            many.put("c" + i, null);
        }
        assertThrows(IllegalArgumentException.class, () -> ColumnMappings.of(many));
    }

    @Test
    void mappingsAreStoredAndReadBackAsTheyWereGiven() {
        Map<String, String> given = mappings("手机号码（必填）", "phone", "a=b&c", "FullName", "Notes", null);
        ColumnMappings stored = ColumnMappings.decode(ColumnMappings.of(given).encode());
        assertEquals(mappings("手机号码（必填）", "Phone", "a=b&c", "FullName", "Notes", null), stored.asMap());
        assertTrue(ColumnMappings.decode(null).isEmpty());
    }
}
