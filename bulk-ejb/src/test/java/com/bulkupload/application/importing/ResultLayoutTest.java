package com.bulkupload.application.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bulkupload.domain.model.upload.UploadHeader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultLayoutTest {

    @Test
    void theLayoutFindsInItsOwnHeaderWhereTheUploadedColumnsEndAndTheResultAndErrorAre() {
        UploadHeader plain = UploadHeader.of(List.of("Email", "Row", "Result"));
        List<String> written = ResultLayout.BING_CSV.header(plain);
        assertEquals(List.of("Email", "Row", "Result", "Row", "Result", "CustomerId", "ErrorCode", "Error"), written);
        assertEquals(new ResultLayout.Columns(3, 4, 7), ResultLayout.BING_CSV.columns(written));

        // a file with its own CustomerId column: the layout adds none
        UploadHeader withId = UploadHeader.of(List.of("customerid", "FirstName", "CustomerIdNote"));
        List<String> writtenWithId = ResultLayout.BING_CSV.header(withId);
        assertEquals(List.of("customerid", "FirstName", "CustomerIdNote", "Row", "Result", "ErrorCode", "Error"), writtenWithId);
        assertEquals(new ResultLayout.Columns(3, 4, 6), ResultLayout.BING_CSV.columns(writtenWithId));
    }
}
