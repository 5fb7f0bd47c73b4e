package com.bulkupload.application.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.bulkupload.domain.model.customer.ColumnMappings;
import com.bulkupload.domain.model.customer.LookupField;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.upload.Protocol;
import com.bulkupload.domain.model.upload.ResponseMode;
import com.bulkupload.domain.model.upload.RowCheck;
import com.bulkupload.domain.model.upload.RowResult;
import com.bulkupload.infrastructure.files.CsvResultLines;
import com.bulkupload.infrastructure.files.UploadFileOpener;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Mutates the sample files of ../shared/data (truncation, random bytes, broken quotes, NUL bytes,
 * huge fields, millions of delimiters in one line, wrong encodings, wrapped in .gz/.zip or not)
 * and runs each through what the importer does with a file, minus the database: the reader, the
 * header, row validation and the result file. Every outcome must be one the contract documents:
 * the whole file refused with 3210/3211/3212 (or 3220/3221 for a bulk file or a header naming a field twice) and a short reason, or every record accounted for
 * with its row number and, when it fails, a row-level code. Any other exception, or a read that
 * does not finish, fails the property.
 * <p>
 * This class runs in its own Surefire execution with a 64 MB heap (bulk-ejb/pom.xml): a reader
 * that buffered a field, a line or a decompressed file would run out of memory here.
 */
class UploadFileFuzzTest {

    static final Path DATA = Path.of("..", "..", "shared", "data");
    /** The server's default uncompressed limit (CONTRACT 3210): the bombs must hit it, not memory. */
    static final long LIMIT = 1L << 30;
    static final long MAX_ROWS = 4_000_000;
    static final Set<ErrorCode> FILE_CODES = Set.of(ErrorCode.FILE_TOO_LARGE, ErrorCode.UPLOAD_FILE_FORMAT_NOT_SUPPORTED,
            ErrorCode.UPLOAD_FILE_ROW_COUNT_EXCEEDED, ErrorCode.AMBIGUOUS_COLUMNS, ErrorCode.BULK_FORMAT_VERSION_NOT_SUPPORTED);
    static final Set<ErrorCode> ROW_CODES = Set.of(ErrorCode.INVALID_EMAIL, ErrorCode.INVALID_PHONE, ErrorCode.MISSING_LOOKUP_VALUE,
            ErrorCode.WRONG_FIELD_COUNT, ErrorCode.VALUE_TOO_LONG, ErrorCode.INVALID_ACTION, ErrorCode.INVALID_RECORD_ID);

    static Path work;

    @BeforeContainer
    static void workDirectory() throws IOException {
        work = Files.createTempDirectory("fuzz");
    }

    @AfterContainer
    static void removeWorkDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    // ---------------------------------------------------------------- the properties

    @Property(tries = 1000)
    void mutatedSampleFilesAreImportedRowByRowOrRefusedWithADocumentedStatus(
            @ForAll("samples") String sample, @ForAll("mutationLists") List<Mutation> mutations,
            @ForAll("wrappers") Wrapper wrapper, @ForAll("charsets") String charset,
            @ForAll("lookups") LookupField lookup) throws IOException {
        Path file = work.resolve("upload-" + System.nanoTime());
        byte[] original = Files.readAllBytes(DATA.resolve(sample));
        try {
            String name = wrapper.write(file, sample.substring(sample.lastIndexOf('/') + 1), original, mutations);
            Outcome outcome = importBeforeItLooksHung(file, name, charset, lookup);
            outcome.assertDocumented();
            if (outcome instanceof Completed completed) {
                Files.delete(completed.resultFile());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 60)
    void unmutatedSamplesUnderAnyLookupFieldImportEveryRecord(@ForAll("goodSamples") String sample,
                                                              @ForAll("lookups") LookupField lookup) {
        String charset = sample.contains("gb18030") ? "GB18030" : null;
        Outcome outcome = importBeforeItLooksHung(DATA.resolve(sample), sample, charset, lookup);
        outcome.assertDocumented();
        assertTrue(outcome instanceof Completed, () -> sample + ": " + outcome);
    }

    // ---------------------------------------------------------------- bounds, bombs and memory

    @Example
    void aLineOfMillionsOfColumnsFailsAtTheRecordBound() throws IOException {
        // 1 GiB of commas after the header, gzipped to about a megabyte: memory must stay flat
        Path file = work.resolve("columns.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write("Email,FirstName\n".getBytes(StandardCharsets.US_ASCII));
            byte[] commas = new byte[1 << 20];
            Arrays.fill(commas, (byte) ',');
            for (int i = 0; i < 1023; i++) {
                out.write(commas);
            }
        }
        Refused refused = refused(importBeforeItLooksHung(file, "columns.csv.gz", null, LookupField.Email));
        assertEquals(ErrorCode.UPLOAD_FILE_FORMAT_NOT_SUPPORTED, refused.error());
        assertTrue(refused.message().startsWith("Row 2 is longer than " + TabularFile.MAX_RECORD_CHARS + " characters"), refused.message());
    }

    @Example
    void aHeaderOfAMillionEmptyColumnsIsRefusedInTheSmallHeap() throws IOException {
        // found by the property in CI: one warning string per unnamed column filled the heap
        Path file = work.resolve("wide-header.csv");
        Files.writeString(file, "Email" + ",".repeat(1_000_000) + "\na@example.com\n");
        try {
            Refused refused = refused(importBeforeItLooksHung(file, "wide-header.csv", null, LookupField.Email));
            assertEquals(ErrorCode.UPLOAD_FILE_FORMAT_NOT_SUPPORTED, refused.error());
            assertEquals("The header has 1000001 columns; at most 16384 are allowed.", refused.message());
        } finally {
            Files.delete(file);
        }
    }

    @Example
    void rowsOfAMillionEmptyFieldsFailOneByOneInTheSmallHeap() throws IOException {
        // each such row is a million references however few characters its fields hold: the
        // chunk bound counts them, or a few hundred such rows would be held at once
        Path file = work.resolve("wide-rows.csv");
        byte[] row = ("b@example.com" + ",".repeat(1_000_000) + "\n").getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("Email,FirstName\na@example.com,Ann\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 40; i++) {
                out.write(row);
            }
        }
        try {
            Completed completed = completed(importBeforeItLooksHung(file, "wide-rows.csv", null, LookupField.Email));
            assertEquals(41, completed.rows().size());
            assertEquals(java.util.Collections.nCopies(40, ErrorCode.WRONG_FIELD_COUNT), completed.rowErrors());
            Files.delete(completed.resultFile());
        } finally {
            Files.delete(file);
        }
    }

    @Example
    void anUnterminatedQuoteBeforeHundredsOfMegabytesFailsAtTheRecordBound() throws IOException {
        Path file = work.resolve("quote.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("Email,FirstName\na@example.com,Ann\n\"b@example.com,Bob\n".getBytes(StandardCharsets.US_ASCII));
            byte[] rows = "c@example.com,Cy\n".repeat(60_000).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 300; i++) {
                out.write(rows); // 300 MB the quote would swallow whole
            }
        }
        try {
            Refused refused = refused(importBeforeItLooksHung(file, "quote.csv", null, LookupField.Email));
            assertEquals(ErrorCode.UPLOAD_FILE_FORMAT_NOT_SUPPORTED, refused.error());
            assertTrue(refused.message().startsWith("Row 3 is longer than"), refused.message());
        } finally {
            Files.delete(file);
        }
    }

    @Example
    void aHugeFieldWithinTheBoundFailsItsRowOnly() throws IOException {
        Path file = work.resolve("field.csv");
        Files.writeString(file, "Email,FirstName\na@example.com," + "x".repeat(900_000) + "\nb@example.com,Bob\n");
        Completed completed = completed(importBeforeItLooksHung(file, "field.csv", null, LookupField.Email));
        assertEquals(List.of(2L, 3L), completed.rows());
        assertEquals(List.of(ErrorCode.VALUE_TOO_LONG), completed.rowErrors());
    }

    @Example
    void theBombsFailAsTooLargeWithoutFillingMemory() {
        for (String bomb : List.of("bad/zip-bomb.zip", "bad/gzip-bomb.csv.gz")) {
            Refused refused = refused(importBeforeItLooksHung(DATA.resolve(bomb), bomb.substring(4), null, LookupField.Email));
            assertEquals(ErrorCode.FILE_TOO_LARGE, refused.error(), bomb);
        }
    }

    @Example
    void aCellBeyondTheLastExcelColumnIsRefused() throws IOException {
        Path file = work.resolve("wide.xlsx");
        byte[] sheet = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Email</t></is></c>"
                + "<c r=\"XFE1\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>").getBytes(StandardCharsets.UTF_8);
        workbookWithSheet(file, sheet);
        Refused refused = refused(importBeforeItLooksHung(file, "wide.xlsx", null, LookupField.Email));
        assertEquals(ErrorCode.UPLOAD_FILE_FORMAT_NOT_SUPPORTED, refused.error());
        assertTrue(refused.message().contains("beyond column XFD"), refused.message());
    }

    @Example
    void aWorkbookOfAMillionSharedStringsReadsInTheSmallHeap() throws IOException {
        // Excel keeps every distinct text in one shared-strings part; held in memory, a million of
        // them take more than this whole 64 MB heap
        int rows = 200_000;
        Path file = work.resolve("shared-strings.xlsx");
        String main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(DATA.resolve("customers-10.xlsx")));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                String name = entry.getName();
                if (name.equals("xl/worksheets/sheet1.xml")) {
                    write(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet " + main + "><sheetData>");
                    write(out, "<row r=\"1\">" + Stream.of("Email", "FirstName", "LastName", "Company", "City")
                            .map(h -> "<c t=\"inlineStr\"><is><t>" + h + "</t></is></c>").reduce("", String::concat) + "</row>");
                    StringBuilder row = new StringBuilder();
                    for (int r = 0; r < rows; r++) {
                        row.setLength(0);
                        row.append("<row r=\"").append(r + 2).append("\">");
                        for (int c = 0; c < 5; c++) {
                            row.append("<c t=\"s\"><v>").append(r * 5 + c).append("</v></c>");
                        }
                        write(out, row.append("</row>").toString());
                    }
                    write(out, "</sheetData></worksheet>");
                } else if (name.equals("[Content_Types].xml") || name.equals("xl/_rels/workbook.xml.rels")) {
                    String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .replace("</Types>", "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
                                    + "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>")
                            .replace("</Relationships>", "<Relationship Id=\"rIdStrings\" Type=\"http://schemas.openxmlformats.org/"
                                    + "officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
                    write(out, xml);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            write(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst " + main + ">");
            String[] kinds = {"user%d@example.com", "First%d", "Last%d", "Company %d", "City %d"};
            for (int r = 0; r < rows; r++) {
                for (String kind : kinds) {
                    write(out, "<si><t>" + String.format(kind, r) + "</t></si>");
                }
            }
            write(out, "</sst>");
            out.closeEntry();
        }
        try {
            Completed completed = completed(importBeforeItLooksHung(file, "shared-strings.xlsx", null, LookupField.Email));
            assertEquals(rows, completed.rows().size());
            assertEquals(List.of(), completed.rowErrors());
            Files.delete(completed.resultFile());
        } finally {
            Files.delete(file);
        }
    }

    @Example
    void entitiesInAWorkbooksXmlAreNeverResolved() throws IOException {
        String doctype = "<!DOCTYPE x [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>";
        Path file = work.resolve("entities.xlsx");
        workbookWithSheet(file, ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Email</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>City</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>a@example.com</t></is></c>"
                + "<c r=\"B2\" t=\"inlineStr\"><is><t>&secret;</t></is></c></row></sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
        // POI's parsers refuse a DOCTYPE outright: nothing is read from disk, the file fails as 3211
        Refused refused = refused(importBeforeItLooksHung(file, "entities.xlsx", null, LookupField.Email));
        assertEquals(ErrorCode.UPLOAD_FILE_FORMAT_NOT_SUPPORTED, refused.error());
        assertTrue(!refused.message().contains("root:"), refused.message());
        Files.delete(file);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The sample workbook with its first sheet's XML replaced. */
    static void workbookWithSheet(Path file, byte[] sheet) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(DATA.resolve("customers-10.xlsx")));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().equals("xl/worksheets/sheet1.xml") ? sheet : in.readAllBytes());
                out.closeEntry();
            }
        }
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<String> samples() {
        return Arbitraries.of(sampleNames(true));
    }

    @Provide
    Arbitrary<String> goodSamples() {
        return Arbitraries.of(sampleNames(false));
    }

    static List<String> sampleNames(boolean withBad) {
        List<String> names = new ArrayList<>(List.of("customers-10.csv", "customers-10.tsv", "customers-10.ssv", "customers-10.xlsx",
                "customers-10.csv.gz", "customers-10.zip", "customers-10-gb18030.csv", "customers-10-utf16.csv", "messy.csv"));
        if (withBad) {
            // the bombs have their own example: every try of a bomb inflates a gigabyte
            names.addAll(List.of("bad/duplicate-header.csv", "bad/empty.csv", "bad/header-only.csv", "bad/image.png.csv",
                    "bad/latin1-without-charset.csv", "bad/nested.zip", "bad/random.bin", "bad/two-entries.zip",
                    "bad/unterminated-quote.csv"));
        }
        return names;
    }

    @Provide
    Arbitrary<List<Mutation>> mutationLists() {
        Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
        Arbitrary<Mutation> one = Arbitraries.oneOf(
                at.map(Truncate::new),
                Combinators.combine(at, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64)).as(Insert::new),
                Combinators.combine(at, Arbitraries.integers().between(1, 64)).as(Overwrite::new),
                Combinators.combine(at, Arbitraries.integers().between(1, 200)).as(Delete::new),
                Combinators.combine(at, Arbitraries.of("\"", "\"\"", "\",\"", "\r", "\n", "\r\n", "\t", ";", ",\"", "\uFEFF"))
                        .as((p, s) -> new Insert(p, s.getBytes(StandardCharsets.UTF_8))),
                at.map(p -> new Insert(p, new byte[] {0})),
                Combinators.combine(at, Arbitraries.integers().between(1_000, 3_000_000), Arbitraries.of('x', ',', '\t', ';', '"', '\n'))
                        .as(Repeat::new),
                Combinators.combine(at, Arbitraries.of(invalidUtf8())).as(Insert::new));
        return one.list().ofMinSize(1).ofMaxSize(3);
    }

    static List<byte[]> invalidUtf8() {
        return List.of(new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xE9});
    }

    @Provide
    Arbitrary<Wrapper> wrappers() {
        return Arbitraries.of(Wrapper.values());
    }

    @Provide
    Arbitrary<String> charsets() {
        return Arbitraries.of("UTF-8", "UTF-16", "UTF-16LE", "UTF-32", "ISO-8859-1", "GB18030", "Shift_JIS", "US-ASCII",
                "x-no-such-charset", "UTF-8\r\nX: y").injectNull(0.5);
    }

    @Provide
    Arbitrary<LookupField> lookups() {
        return Arbitraries.of(LookupField.values());
    }

    // ---------------------------------------------------------------- mutations

    /** A change to a file's bytes at a relative position (0 = start, 1 = end). */
    sealed interface Mutation {
        byte[] apply(byte[] bytes);

        static int index(double at, int length) {
            return (int) Math.min(length, Math.floor(at * length));
        }

        static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
            byte[] out = new byte[from + insert.length + bytes.length - to];
            System.arraycopy(bytes, 0, out, 0, from);
            System.arraycopy(insert, 0, out, from, insert.length);
            System.arraycopy(bytes, to, out, from + insert.length, bytes.length - to);
            return out;
        }
    }

    record Truncate(double at) implements Mutation {
        public byte[] apply(byte[] bytes) {
            return Arrays.copyOf(bytes, Mutation.index(at, bytes.length));
        }
    }

    record Insert(double at, byte[] inserted) implements Mutation {
        public byte[] apply(byte[] bytes) {
            int i = Mutation.index(at, bytes.length);
            return Mutation.splice(bytes, i, i, inserted);
        }

        @Override
        public String toString() {
            return "Insert[at=" + at + ", bytes=" + Arrays.toString(inserted) + "]";
        }
    }

    /** Random bytes over what is there (seeded by the position, so a failure replays). */
    record Overwrite(double at, int count) implements Mutation {
        public byte[] apply(byte[] bytes) {
            byte[] out = bytes.clone();
            java.util.Random random = new java.util.Random(Double.doubleToLongBits(at) ^ count);
            int from = Mutation.index(at, bytes.length);
            for (int i = from; i < Math.min(out.length, from + count); i++) {
                out[i] = (byte) random.nextInt(256);
            }
            return out;
        }
    }

    record Delete(double at, int count) implements Mutation {
        public byte[] apply(byte[] bytes) {
            int from = Mutation.index(at, bytes.length);
            return Mutation.splice(bytes, from, Math.min(bytes.length, from + count), new byte[0]);
        }
    }

    /** One character many times over: a huge field, millions of columns or of empty lines, a run of quotes. */
    record Repeat(double at, int times, char c) implements Mutation {
        public byte[] apply(byte[] bytes) {
            byte[] run = new byte[times];
            Arrays.fill(run, (byte) c);
            int i = Mutation.index(at, bytes.length);
            return Mutation.splice(bytes, i, i, run);
        }
    }

    /** How the mutated bytes reach the server: as they are, or mutated then compressed. */
    enum Wrapper {
        AS_IS, GZIP, ZIP;

        String write(Path file, String name, byte[] original, List<Mutation> mutations) throws IOException {
            byte[] bytes = original;
            for (Mutation mutation : mutations) {
                bytes = mutation.apply(bytes);
            }
            switch (this) {
                case AS_IS -> {
                    Files.write(file, bytes);
                    return name;
                }
                case GZIP -> {
                    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                        out.write(bytes);
                    }
                    return name + ".gz";
                }
                default -> {
                    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
                        out.putNextEntry(new ZipEntry(name));
                        out.write(bytes);
                        out.closeEntry();
                    }
                    return name + ".zip";
                }
            }
        }
    }

    // ---------------------------------------------------------------- the import, minus the database

    sealed interface Outcome {
        void assertDocumented();
    }

    record Refused(ErrorCode error, String message) implements Outcome {
        public void assertDocumented() {
            assertTrue(FILE_CODES.contains(error), () -> "not a file-level code: " + this);
            assertTrue(message != null && !message.isBlank() && message.length() <= 500,
                    () -> "the reason must be short and clear: " + this);
        }
    }

    /** @param columns how many columns the uploaded header has: the result file's Row column comes after them */
    record Completed(int columns, List<Long> rows, List<ErrorCode> rowErrors, Path resultFile) implements Outcome {
        public void assertDocumented() {
            for (int i = 1; i < rows.size(); i++) {
                assertTrue(rows.get(i) > rows.get(i - 1), () -> "row numbers must increase: " + rows);
            }
            assertTrue(rows.isEmpty() || rows.get(0) >= 2, () -> "row 1 is the header: " + rows);
            assertTrue(ROW_CODES.containsAll(rowErrors), () -> "not a row-level code: " + rowErrors);
            // the result file reads back: one line per record, in order, with its row number
            List<Long> resultRows = new ArrayList<>();
            try (Reader in = Files.newBufferedReader(resultFile, StandardCharsets.UTF_8)) {
                in.skip(1); // BOM
                boolean header = true;
                for (CSVRecord record : CSVFormat.RFC4180.parse(in)) {
                    if (!header) {
                        resultRows.add(Long.parseLong(record.get(columns)));
                    }
                    header = false;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertEquals(rows, resultRows, "the result file has one line per record");
        }
    }

    static Refused refused(Outcome outcome) {
        if (outcome instanceof Refused refused) {
            refused.assertDocumented();
            return refused;
        }
        return fail("expected the file to be refused: " + outcome);
    }

    static Completed completed(Outcome outcome) {
        if (outcome instanceof Completed completed) {
            completed.assertDocumented();
            return completed;
        }
        return fail("expected the file to import: " + outcome);
    }

    static Outcome importBeforeItLooksHung(Path file, String name, String charset, LookupField lookup) {
        // a hang is a failure too; the bound is generous because the million-shared-strings workbook
        // in the 64 MB heap passed 60 s (2026-12-03) while another Maven build shared the two cores
        return assertTimeoutPreemptively(Duration.ofSeconds(180), () -> importFile(file, name, charset, lookup),
                () -> "the import of " + name + " did not finish");
    }

    /**
     * The import's real pipeline ({@link ImportPipeline}: both passes, the processor, one chunk in
     * flight, the result file in its request's layout) with a chunk writer that has no database:
     * every valid row is taken as Inserted, every invalid one fails with its reason.
     */
    static Outcome importFile(Path file, String name, String charset, LookupField lookup) throws IOException {
        Path results = work.resolve("result-" + System.nanoTime() + ".csv");
        ImportJob job = new ImportJob("0123456789abcdef0123", Protocol.Bing, 1L, "Default", lookup, ResponseMode.ErrorsAndResults,
                "fuzz", name, null, charset, null, null, 0, 0, ColumnMappings.NONE, 1, 0);
        ImportPipeline pipeline = new ImportPipeline(5_000, Duration.ofSeconds(60), () -> { }, new CsvResultLines());
        UploadFileOpener opener = new UploadFileOpener(LIMIT, work);
        try (UploadFiles.OpenedFile opened = opener.open(file, name, null, charset, null)) {
            ImportPipeline.Scan scan = pipeline.scan(opened, lookup);
            if (scan.rows() > MAX_ROWS) {
                return new Refused(ErrorCode.UPLOAD_FILE_ROW_COUNT_EXCEEDED, "too many rows");
            }
            List<Long> rows = new ArrayList<>();
            List<ErrorCode> errors = new ArrayList<>();
            pipeline.apply(job, opened, results, results, ImportedKeys.anyMayExist(), chunk -> {
                try {
                    for (ImportRow row : chunk.rows()) {
                        rows.add(row.check().rowNumber());
                        RowOutcome outcome = row.check() instanceof RowCheck.Invalid invalid
                                ? RowOutcome.failed(invalid.error(), invalid.reason())
                                : new RowOutcome(RowResult.Inserted, row.check().rowNumber(), null, null);
                        if (outcome.error() != null) {
                            errors.add(outcome.error());
                        }
                        chunk.results().write(row, outcome);
                    }
                    chunk.results().checkpoint();
                    return CompletableFuture.completedFuture(null);
                } catch (IOException e) {
                    return CompletableFuture.failedFuture(e);
                }
            });
            return new Completed(scan.header().size(), rows, errors, results);
        } catch (UploadFileException e) {
            return new Refused(e.error(), e.getMessage());
        }
    }
}
