package com.bulkupload.application.reports;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.CallerContext;
import com.bulkupload.application.FileStore;
import com.bulkupload.application.importing.ResultLayout;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.upload.ResultFileLayout;
import com.bulkupload.domain.model.upload.RowResult;
import com.bulkupload.domain.model.upload.TextFormat;
import com.bulkupload.domain.model.upload.UploadRequest;
import com.bulkupload.domain.model.upload.UploadRequestRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a finished import that failed, or that were skipped with a warning, as they were
 * uploaded, in the file's own text format, each with its reason in one added column: what a client
 * fixes and sends again (Marketo's failures and warnings files; the console's failed rows). Read
 * from the request's result file, streamed: nothing is held but one row at a time.
 */
@Stateless
public class RowReportService {

    /** Which rows: the failed ones, or the ones skipped with a warning. */
    public enum Kind {
        FAILED(RowResult.Failed), WARNED(RowResult.Skipped);

        private final RowResult result;

        Kind(RowResult result) {
            this.result = result;
        }
    }

    /** A report ready to stream: the format it is written in, and the rows. */
    public interface RowReport {
        TextFormat format();

        /** Writes the header (the uploaded columns and {@code reasonColumn}), then one line per row. */
        void writeTo(OutputStream out, String reasonColumn) throws IOException;
    }

    @Inject
    UploadRequestRepository uploads;

    @Inject
    FileStore storage;

    /**
     * The report of the account's request with that batchId: 3200 for an unknown batch or another
     * account's, 3216 while it imports, 3217 when its file failed as a whole or was purged.
     */
    public RowReport reportOfBatch(CallerContext caller, long batchId, Kind kind) {
        return reportOf(uploads.findByBatchIdInAccount(batchId, caller.accountId())
                .orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_REQUEST_ID, "No batch " + batchId + ".")), kind);
    }

    /** The same, for the account's request with that RequestId (the console's failed rows). */
    public RowReport reportOfRequest(CallerContext caller, String requestId, Kind kind) {
        return reportOf(uploads.findInAccount(requestId, caller.accountId())
                .orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_REQUEST_ID)), kind);
    }

    private RowReport reportOf(UploadRequest request, Kind kind) {
        if (!request.status().isFinal()) {
            throw new BulkApiException(ErrorCode.ROW_REPORT_NOT_READY, "The import is " + request.status() + ".");
        }
        if (!request.hasResultFile()) {
            throw new BulkApiException(ErrorCode.ROW_REPORT_NOT_AVAILABLE, request.status().isCompleted()
                    ? "Its files were purged." : "The import ended " + request.status() + ": no row was imported.");
        }
        if (request.resultLayout() != ResultFileLayout.Rows) {
            throw new BulkApiException(ErrorCode.ROW_REPORT_NOT_AVAILABLE,
                    "The upload was a bulk file: its results, failures included, are in its result file in Microsoft's bulk format.");
        }
        return new FileRowReport(storage.result(request.requestId(), request.progress().resultClaim()), ResultLayout.BING_CSV, formatOf(request), kind);
    }

    /**
     * What the import read the file as (declared, or the delimiter its header line shows), else
     * (a request imported before that was kept) what its name says; a workbook is reported as CSV.
     */
    static TextFormat formatOf(UploadRequest request) {
        if (request.file().declaredFormat() != null) {
            return request.file().declaredFormat();
        }
        if (request.file().readFormat() != null) {
            return request.file().readFormat();
        }
        String name = request.file().fileName() == null ? "" : request.file().fileName().toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|gzip|zip)$", "");
        char delimiter = TextFormat.delimiterByName(name, request.file().contentType());
        return delimiter == 0 ? TextFormat.Csv : TextFormat.ofDelimiter(delimiter);
    }

    private record FileRowReport(Path resultFile, ResultLayout layout, TextFormat format, Kind kind) implements RowReport {

        @Override
        public void writeTo(OutputStream out, String reasonColumn) throws IOException {
            CSVFormat output = CSVFormat.RFC4180.builder().setDelimiter(format.delimiter()).setRecordSeparator('\n').get();
            try (InputStream in = Files.newInputStream(resultFile);
                 Reader reader = new java.io.InputStreamReader(skipBom(in), StandardCharsets.UTF_8);
                 CSVParser parser = CSVFormat.RFC4180.parse(new java.io.BufferedReader(reader, 64 * 1024))) {
                Writer writer = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
                CSVPrinter printer = new CSVPrinter(writer, output);
                Iterator<CSVRecord> records = parser.iterator();
                if (!records.hasNext()) {
                    throw new IllegalStateException("the result file " + resultFile.getFileName() + " has no header");
                }
                List<String> header = records.next().toList();
                ResultLayout.Columns columns = layout.columns(header);
                List<String> line = new ArrayList<>(header.subList(0, columns.uploaded()));
                line.add(reasonColumn);
                printer.printRecord(line);
                String wanted = kind.result.name();
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    if (wanted.equals(record.get(columns.result()))) {
                        line.clear();
                        for (int i = 0; i < columns.uploaded(); i++) {
                            line.add(record.get(i));
                        }
                        line.add(record.get(columns.error()));
                        printer.printRecord(line);
                    }
                }
                printer.flush();
            } catch (NoSuchFileException e) {
                throw new BulkApiException(ErrorCode.ROW_REPORT_NOT_AVAILABLE, "Its files were purged.");
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        private static InputStream skipBom(InputStream in) throws IOException {
            java.io.PushbackInputStream pushback = new java.io.PushbackInputStream(in, 3);
            byte[] head = pushback.readNBytes(3);
            boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
            if (!bom) {
                pushback.unread(head);
            }
            return pushback;
        }
    }
}
