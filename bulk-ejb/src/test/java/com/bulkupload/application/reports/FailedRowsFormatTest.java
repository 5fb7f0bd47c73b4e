package com.bulkupload.application.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bulkupload.domain.model.customer.LookupField;
import com.bulkupload.domain.model.upload.Protocol;
import com.bulkupload.domain.model.upload.RequestId;
import com.bulkupload.domain.model.upload.ResponseMode;
import com.bulkupload.domain.model.upload.ResultFileLayout;
import com.bulkupload.domain.model.upload.TextFormat;
import com.bulkupload.domain.model.upload.UploadRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedRowsFormatTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private static UploadRequest uploaded(String fileName, TextFormat declared) {
        UploadRequest request = new UploadRequest(new RequestId("0123456789abcdef0123"), 7L, 1L, 1L, ResponseMode.ErrorsOnly,
                LookupField.Email, "Default", null, "client", Protocol.Console, T0, T0.plusSeconds(900));
        request.fileUploaded(fileName, "text/csv", null, declared, 100, T0.plusSeconds(1));
        return request;
    }

    @Test
    void theFailedRowsOfASemicolonCsvComeBackInSemicolonsWhateverItsNameSays() {
        UploadRequest request = uploaded("export.csv", null);
        assertEquals(TextFormat.Csv, RowReportService.formatOf(request), "before its import, its name is all there is");
        request.scanned(3, ResultFileLayout.Rows, TextFormat.Ssv);
        assertEquals(TextFormat.Ssv, RowReportService.formatOf(request));
        assertEquals(TextFormat.Ssv, request.file().readFormat());
        assertEquals("export.csv", request.file().fileName(), "the rest of the file's description is kept");
    }

    @Test
    void aDeclaredFormatWinsAndAWorkbookIsReportedAsCsv() {
        UploadRequest declared = uploaded("leads.txt", TextFormat.Tsv);
        declared.scanned(3, ResultFileLayout.Rows, TextFormat.Tsv);
        assertEquals(TextFormat.Tsv, RowReportService.formatOf(declared));
        UploadRequest workbook = uploaded("customers.xlsx", null);
        workbook.scanned(3, ResultFileLayout.Rows, null);
        assertEquals(TextFormat.Csv, RowReportService.formatOf(workbook));
    }
}
