package com.bulkupload.application.requests;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.CallerContext;
import com.bulkupload.application.FileStore;
import com.bulkupload.application.identity.ResultFileUrls;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.upload.Protocol;
import com.bulkupload.domain.model.upload.RequestStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * UploadEntityRecords (CONTRACT §2): the lines of a bulk file sent inline instead of as a file.
 * They are imported like an uploaded file (same request, same engine, same result file); the
 * call waits a little for the import and answers with the result records if it finished, or
 * {@code InProgress} and the RequestId that GetBulkUploadStatus follows to a ResultFileUrl.
 * No transaction is held while it waits: the import runs on the importers, like any other.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EntityRecordUploads {

    /** What the SDKs send inline at most (they upload a file beyond 1,000 entities); more is refused with 100. */
    static final int MAX_RECORDS = 10_000;
    static final String FILE_NAME = "EntityRecords.csv";

    @EJB
    FileSubmissionService files;

    @EJB
    UploadRequestService requests;

    @Inject
    FileStore storage;

    @EJB
    ResultFileUrls resultFiles;

    @Inject
    BulkSettings settings;

    /** The request's outcome when the call answers: its result lines if it finished (header first), else none. */
    public record Answer(String requestId, RequestStatus status, List<String> resultRecords, List<OperationErrorView> errors) {
    }

    public Answer upload(CallerContext caller, Long accountId, String responseMode, List<String> records) {
        if (records == null || records.isEmpty()) {
            throw new BulkApiException(ErrorCode.NULL_REQUEST, "EntityRecords must hold the bulk file's lines, header first.");
        }
        if (records.size() > MAX_RECORDS) {
            throw new BulkApiException(ErrorCode.NULL_REQUEST, "EntityRecords holds " + records.size() + " lines; at most "
                    + MAX_RECORDS + " are taken inline: upload a file instead.");
        }
        OpenedRequest opened;
        Path work = newWorkFile();
        try {
            long bytes = write(work, records);
            opened = files.submit(caller, new OpenRequestCommand(responseMode, accountId, null, null, null, null), Protocol.Bing,
                    new UploadedFile(work, FILE_NAME, "text/csv", null, null, bytes));
        } finally {
            deleteQuietly(work);
        }
        UploadStatusView status = awaitEnd(caller, opened.requestId(), settings.entityRecordsWait());
        if (!status.requestStatus().isFinal()) {
            return new Answer(opened.requestId(), RequestStatus.InProgress, null, List.of());
        }
        List<String> results = status.resultFileAvailable() ? resultRecords(opened.requestId()) : null;
        return new Answer(opened.requestId(), status.requestStatus(), results, status.errors());
    }

    /** The request's status once it is final, or as it is when the wait is over (polled: the import runs elsewhere). */
    private UploadStatusView awaitEnd(CallerContext caller, String requestId, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = 20;
        while (true) {
            UploadStatusView status = requests.status(caller, requestId);
            if (status.requestStatus().isFinal() || System.nanoTime() >= deadline) {
                return status;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return requests.status(caller, requestId);
            }
            pause = Math.min(250, pause * 2);
        }
    }

    /** The result file's records, each as one CSV line without its line break, header first. */
    private List<String> resultRecords(String requestId) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        try (InputStream in = Files.newInputStream(resultFiles.file(requestId));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
             CSVParser parser = CSVFormat.RFC4180.parse(skipBom(reader))) {
            CSVFormat out = CSVFormat.RFC4180.builder().setRecordSeparator("").get();
            for (CSVRecord record : parser) {
                line.setLength(0);
                out.printRecord(line, (Object[]) record.values());
                lines.add(line.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the result file of " + requestId, e);
        }
        return lines;
    }

    private static BufferedReader skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private Path newWorkFile() {
        try {
            return storage.newWorkFile("records-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long write(Path work, List<String> records) {
        try (Writer writer = Files.newBufferedWriter(work, StandardCharsets.UTF_8)) {
            for (String record : records) {
                writer.write(record == null ? "" : record);
                writer.write("\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return Files.size(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path work) {
        try {
            Files.deleteIfExists(work);
        } catch (IOException e) {
            // the work directory is cleaned at start-up
        }
    }
}
