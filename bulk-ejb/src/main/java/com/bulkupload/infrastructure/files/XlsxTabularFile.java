package com.bulkupload.infrastructure.files;

import com.bulkupload.application.StorageFull;
import com.bulkupload.application.importing.RecordSink;
import com.bulkupload.application.importing.TabularFile;
import com.bulkupload.application.importing.UploadFileException;
import com.bulkupload.domain.model.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamException;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook through Apache POI's streaming (SAX) reader: rows are pushed
 * as the sheet XML is parsed, the workbook is never built in memory, and its shared strings are
 * kept in temporary files ({@link MappedSharedStrings}). Cells read as text; whole
 * numbers as their digits (a phone stored as a number reads 8613800000001, not 8.6138E12).
 */
final class XlsxTabularFile implements TabularFile {

    private final Path file;
    private final Path workDir;

    /** @param workDir where the shared strings' temporary files go */
    XlsxTabularFile(Path file, Path workDir) {
        this.file = file;
        this.workDir = workDir;
    }

    @Override
    public String describe() {
        return "xlsx, first sheet";
    }

    @Override
    public void read(RecordSink sink) throws IOException {
        // the shared strings (every distinct text of the workbook) go to temporary files, not
        // the heap: in memory they grow with the file (~350 MB for 1M rows)
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
             MappedSharedStrings strings = new MappedSharedStrings(pkg, workDir)) {
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw UploadFileException.unsupported("The workbook has no sheet.");
            }
            RowCollector rows = new RowCollector(sink);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = SAXHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new PlainNumbers(), false));
                parser.parse(new InputSource(sheet));
            }
            if (!rows.sawHeader) {
                throw UploadFileException.unsupported("The first sheet is empty: it has no header row.");
            }
        } catch (SinkFailure e) {
            throw e.failure;
        } catch (UploadFileException e) {
            throw e;
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | XMLStreamException | IOException | RuntimeException e) {
            if (StorageFull.in(e)) {
                // the store filled while the shared strings were written out: a pause, not a bad
                // workbook; the importer waits at its checkpoint (docs/operations.md, "A full disk")
                throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
            String bomb = zipBombLimit(e);
            if (bomb != null) {
                throw new UploadFileException(ErrorCode.FILE_TOO_LARGE, bomb);
            }
            // POI reports a damaged workbook in many ways (its own exceptions, IOException for bad
            // XML or zip data, IllegalArgumentException, ...): all of them mean the same to the client
            String reason = String.valueOf(e.getMessage());
            throw UploadFileException.unsupported("The file is not a readable XLSX workbook: "
                    + (reason.length() > 200 ? reason.substring(0, 200) + "..." : reason));
        }
    }

    /**
     * Which of POI's two guards refused the workbook (it says "Zip bomb detected" for both), in
     * words naming the limit; null if it was something else. The sheet's XML may expand up to
     * {@link UploadFileOpener#XLSX_MAX_EXPANDED_BYTES}, and to at most 100 times its compressed size.
     */
    private static String zipBombLimit(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("Zip bomb detected")) {
                return message.contains("ratio")
                        ? "The workbook expands more than 100 times its compressed size: refused as a zip bomb."
                        : "A part of the workbook expands past " + UploadFileOpener.XLSX_MAX_EXPANDED_BYTES
                                + " bytes, the most a sheet may hold (about 1,048,576 rows of 1,900 bytes of XML each).";
            }
        }
        return null;
    }

    /** What the sink threw (the importer's own failures), kept apart from POI's on the way out. */
    private static final class SinkFailure extends RuntimeException {
        final RuntimeException failure;

        SinkFailure(RuntimeException failure) {
            super(null, failure, false, false);
            this.failure = failure;
        }
    }

    /** Turns the handler's cells into whole rows, empty cells included. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

        /** Excel's own limit (column XFD): a reference past it is a damaged or hostile sheet. */
        private static final int MAX_COLUMNS = 16_384;

        private final RecordSink sink;
        private List<String> row;
        private long rowChars;
        private int currentRow;
        private boolean sawHeader;
        private int headerSize;

        RowCollector(RecordSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            currentRow = rowNum;
            row = new ArrayList<>();
            rowChars = 0;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? row.size() : new CellReference(reference).getCol();
            rowChars += value == null ? 0 : value.length();
            if (column >= MAX_COLUMNS || column < 0) {
                throw UploadFileException.unsupported("Row " + rowNumber() + " has a cell beyond column XFD (" + reference + ").");
            }
            if (rowChars > MAX_RECORD_CHARS) {
                throw UploadFileException.unsupported("Row " + rowNumber() + " is longer than " + MAX_RECORD_CHARS + " characters.");
            }
            while (row.size() < column) {
                row.add("");
            }
            row.add(value == null ? "" : value);
        }

        /** Passes a row to the sink, marking what the sink throws as its own, not POI's. */
        private static void handOver(Runnable delivery) {
            try {
                delivery.run();
            } catch (RuntimeException e) {
                throw new SinkFailure(e);
            }
        }

        private long rowNumber() {
            return currentRow + 1L;
        }

        @Override
        public void endRow(int rowNum) {
            if (row.stream().allMatch(String::isEmpty)) {
                return;
            }
            if (!sawHeader) {
                sawHeader = true;
                headerSize = row.size();
                handOver(() -> sink.header(List.copyOf(row)));
            } else {
                // the sheet XML leaves empty trailing cells out: they are empty values
                while (row.size() < headerSize) {
                    row.add("");
                }
                handOver(() -> sink.record(rowNum + 1L, row));
            }
        }
    }

    /** General-format numbers as plain digits; other formats (dates, ...) as Excel shows them. */
    private static final class PlainNumbers extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (formatIndex == 0 || "General".equalsIgnoreCase(formatString)) {
                return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }
}
