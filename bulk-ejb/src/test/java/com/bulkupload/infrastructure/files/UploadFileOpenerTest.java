package com.bulkupload.infrastructure.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.application.importing.RecordSink;
import com.bulkupload.application.importing.UploadFileException;
import com.bulkupload.application.importing.UploadFiles;
import com.bulkupload.domain.model.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every sample file of ../shared/data read as EXPECTED.md says. */
class UploadFileOpenerTest {

    static final Path DATA = Path.of("..", "..", "shared", "data");
    static final long LIMIT = 100L * 1024 * 1024;

    @TempDir
    Path work;

    record Table(List<String> header, List<Long> rows, List<List<String>> records) {
    }

    Table read(String file, String charset) throws IOException {
        return read(DATA.resolve(file), file.substring(file.lastIndexOf('/') + 1), null, charset);
    }

    Table read(Path path, String name, String contentType, String charset) throws IOException {
        List<String> header = new ArrayList<>();
        List<Long> rows = new ArrayList<>();
        List<List<String>> records = new ArrayList<>();
        try (UploadFiles.OpenedFile file = new UploadFileOpener(LIMIT, work).open(path, name, contentType, charset, null)) {
            file.read(new RecordSink() {
                @Override
                public void header(List<String> names) {
                    header.addAll(names);
                }

                @Override
                public void record(long rowNumber, List<String> fields) {
                    rows.add(rowNumber);
                    records.add(List.copyOf(fields));
                }
            });
        }
        return new Table(header, rows, records);
    }

    ErrorCode failure(String file, String charset) {
        return assertThrows(UploadFileException.class, () -> read(file, charset)).error();
    }

    @ParameterizedTest
    @ValueSource(strings = {"customers-10.tsv", "customers-10.ssv", "customers-10.xlsx", "customers-10.csv.gz", "customers-10.zip"})
    void everyFormatReadsLikeTheCsv(String file) throws IOException {
        Table csv = read("customers-10.csv", null);
        assertEquals(List.of("ClientId", "Email", "Phone", "ExternalId", "FirstName", "LastName", "Company", "Country", "City"), csv.header());
        assertEquals(10, csv.records().size());
        assertEquals("杭州", csv.records().get(0).get(8));
        assertEquals("Acme, Inc.", csv.records().get(1).get(6));
        Table other = read(file, null);
        assertEquals(csv.header(), other.header());
        assertEquals(csv.records(), other.records(), file);
        assertEquals(csv.rows(), other.rows());
    }

    @Test
    void xlsxNumbersReadAsTheirDigits() throws IOException {
        Table xlsx = read("customers-10.xlsx", null);
        for (List<String> record : xlsx.records()) {
            assertTrue(record.get(2).matches("\\+?\\d+"), record.get(2));
        }
    }

    @Test
    void utf16WithBomAndDeclaredGb18030ReadTheSame() throws IOException {
        Table utf16 = read("customers-10-utf16.csv", null);
        Table gb = read("customers-10-gb18030.csv", "GB18030");
        assertEquals(10, utf16.records().size());
        assertEquals(utf16.records(), gb.records());
        assertTrue(utf16.records().stream().anyMatch(r -> r.stream().anyMatch(v -> v.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF))),
                "Chinese names intact");
    }

    @Test
    void messyCsvKeepsQuotedNewlinesAndCountsRecords() throws IOException {
        Table messy = read("messy.csv", null);
        assertEquals("ClientId", messy.header().get(0), "the BOM is not part of the first name");
        assertEquals(11, messy.records().size());
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L), messy.rows());
        List<String> bob = messy.records().get(1);
        assertEquals("O\"Brien", bob.get(4));
        assertTrue(bob.get(5).startsWith("Multi") && bob.get(5).endsWith("Line Corp") && bob.get(5).contains("\n"));
        assertEquals(10, messy.records().get(4).size(), "r6 has a surplus field");
    }

    @Test
    void latin1NeedsItsCharset() throws IOException {
        UploadFileException e = assertThrows(UploadFileException.class, () -> read("bad/latin1-without-charset.csv", null));
        assertEquals(ErrorCode.UPLOAD_FILE_FORMAT_NOT_SUPPORTED, e.error());
        assertTrue(e.getMessage().contains("Row 2"), e.getMessage());
        Table latin1 = read("bad/latin1-without-charset.csv", "ISO-8859-1");
        assertEquals("René", latin1.records().get(0).get(2));
        assertEquals("Zürich", latin1.records().get(0).get(3));
    }

    @Test
    void aGb18030FileSentWithoutItsCharsetIsRefusedNamingGb18030() throws IOException {
        UploadFileException e = assertThrows(UploadFileException.class, () -> read("customers-10-gb18030.csv", null));
        assertEquals(ErrorCode.UPLOAD_FILE_FORMAT_NOT_SUPPORTED, e.error());
        assertTrue(e.getMessage().contains("not valid in UTF-8 (it looks like GB18030)"), e.getMessage());
        assertTrue(e.getMessage().contains("name the encoding in the charset form field"), e.getMessage());
        assertEquals(10, read("customers-10-gb18030.csv", "GB18030").records().size());
    }

    UploadFiles.Encoding encodingOf(String file, String charset) throws IOException {
        try (UploadFiles.OpenedFile opened = new UploadFileOpener(LIMIT, work)
                .open(DATA.resolve(file), file.substring(file.lastIndexOf('/') + 1), null, charset, null)) {
            return opened.encoding();
        }
    }

    @Test
    void anEncodingIsTakenFromTheBomThenTheCharsetThenUtf8AndOnlyTheUndeclaredNonUtf8OneIsGuessed() throws IOException {
        UploadFiles.Encoding.Source bom = UploadFiles.Encoding.Source.BYTE_ORDER_MARK;
        assertEquals(new UploadFiles.Encoding("UTF-16LE", bom), encodingOf("customers-10-utf16.csv", null));
        assertEquals(new UploadFiles.Encoding("UTF-16LE", bom), encodingOf("customers-10-utf16.csv", "GB18030"), "a BOM wins");
        assertEquals(new UploadFiles.Encoding("GB18030", UploadFiles.Encoding.Source.DECLARED), encodingOf("customers-10-gb18030.csv", "gb18030"));
        assertEquals(new UploadFiles.Encoding("UTF-8", UploadFiles.Encoding.Source.DEFAULT), encodingOf("customers-10.csv", null));
        assertEquals(new UploadFiles.Encoding("UTF-8", UploadFiles.Encoding.Source.DEFAULT), encodingOf("customers-10.csv.gz", null));
        assertEquals(new UploadFiles.Encoding("GB18030", UploadFiles.Encoding.Source.GUESSED), encodingOf("customers-10-gb18030.csv", null));
        assertEquals(UploadFiles.Encoding.Source.GUESSED, encodingOf("bad/latin1-without-charset.csv", null).source());
        assertEquals(null, encodingOf("customers-10.xlsx", null), "a workbook's XML names its own");
    }

    @Test
    void badFilesFailAsExpected() throws IOException {
        assertEquals(ErrorCode.UPLOAD_FILE_FORMAT_NOT_SUPPORTED, failure("bad/empty.csv", null));
        assertEquals(0, read("bad/header-only.csv", null).records().size());
        assertEquals(ErrorCode.UPLOAD_FILE_FORMAT_NOT_SUPPORTED, failure("bad/random.bin", null));
        assertEquals(ErrorCode.UPLOAD_FILE_FORMAT_NOT_SUPPORTED, failure("bad/image.png.csv", null));
        assertEquals(ErrorCode.UPLOAD_FILE_FORMAT_NOT_SUPPORTED, failure("bad/two-entries.zip", null));
        assertEquals(ErrorCode.UPLOAD_FILE_FORMAT_NOT_SUPPORTED, failure("bad/nested.zip", null));
        assertEquals(ErrorCode.FILE_TOO_LARGE, failure("bad/zip-bomb.zip", null));
        assertEquals(ErrorCode.FILE_TOO_LARGE, failure("bad/gzip-bomb.csv.gz", null));
        UploadFileException quote = assertThrows(UploadFileException.class, () -> read("bad/unterminated-quote.csv", null));
        assertEquals(ErrorCode.UPLOAD_FILE_FORMAT_NOT_SUPPORTED, quote.error());
        assertTrue(quote.getMessage().contains("row 2"), quote.getMessage());
        // duplicate columns are the header's business (UploadHeader); the reader hands them on
        assertEquals(List.of("Email", "Email", "FirstName"), read("bad/duplicate-header.csv", null).header());
    }

    @Test
    void unknownCharsetIsRefused() {
        assertEquals(ErrorCode.UPLOAD_FILE_FORMAT_NOT_SUPPORTED, failure("customers-10.csv", "no-such-charset"));
    }

    @Test
    void delimiterIsSniffedWhenTheNameSaysNothing() throws IOException {
        Path copy = work.resolve("upload.bin");
        Files.copy(DATA.resolve("customers-10.ssv"), copy);
        assertEquals(9, read(copy, "upload", null, null).header().size());
    }

    @Test
    void aCsvSeparatedBySemicolonsIsReadByItsHeaderLineWhateverItsName() throws IOException {
        Path file = work.resolve("excel-de.csv");
        Files.writeString(file, "Email;FirstName;LastName;City\r\na@example.com;Anna;Müller;Köln, Altstadt\r\n");
        Table table = read(file, "excel-de.csv", null, null);
        assertEquals(List.of("Email", "FirstName", "LastName", "City"), table.header());
        assertEquals(List.of(List.of("a@example.com", "Anna", "Müller", "Köln, Altstadt")), table.records());
        Path pipes = work.resolve("export.txt");
        Files.writeString(pipes, "Email|Phone\na@example.com|+4930123456\n");
        assertEquals(List.of("Email", "Phone"), read(pipes, "export.txt", null, null).header());
        Path tie = work.resolve("one.tsv");
        Files.writeString(tie, "Email\tFirst, Name\na@example.com\tAnn\n");
        assertEquals(List.of("Email", "First, Name"), read(tie, "one.tsv", null, null).header(), "a tie goes to the name's delimiter");
    }

    @Test
    void blankRowsAreNoRecordsAndTheRowsAfterThemKeepTheirNumbers() throws IOException {
        Path file = work.resolve("blank-rows.csv");
        Files.writeString(file, "Email,FirstName\r\na@example.com,Ann\r\n,\r\n , \r\nb@example.com,Bob\r\n,\r\n,\r\n");
        Table table = read(file, "blank-rows.csv", null, null);
        assertEquals(List.of(2L, 5L), table.rows());
        assertEquals(List.of(List.of("a@example.com", "Ann"), List.of("b@example.com", "Bob")), table.records());
    }

    @Test
    void aWorkbookIsCountedAsSentSoItsXmlMayOutgrowTheSizeLimit() throws IOException {
        // 20,000 rows: about 2 MB of sheet XML in a workbook of a few hundred KB; with a 1 MB limit
        // the XML alone was refused as a "zip bomb" before
        Path file = work.resolve("big.xlsx");
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook workbook = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100);
             java.io.OutputStream out = Files.newOutputStream(file)) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet();
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Email");
            header.createCell(1).setCellValue("City");
            for (int r = 1; r <= 20_000; r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("person" + r + "@example.com");
                row.createCell(1).setCellValue("Hangzhou");
            }
            workbook.write(out);
        }
        long limit = 1L << 20;
        assertTrue(Files.size(file) < limit, "the workbook as sent is under the limit: " + Files.size(file));
        List<Long> rows = new ArrayList<>();
        try (UploadFiles.OpenedFile opened = new UploadFileOpener(limit, work).open(file, "big.xlsx", null, null, null)) {
            opened.read(new RecordSink() {
                @Override
                public void header(List<String> names) {
                    assertEquals(List.of("Email", "City"), names);
                }

                @Override
                public void record(long rowNumber, List<String> fields) {
                    rows.add(rowNumber);
                }
            });
        }
        assertEquals(20_000, rows.size());
    }
}
