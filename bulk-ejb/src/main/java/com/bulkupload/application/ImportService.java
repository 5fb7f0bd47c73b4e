package com.bulkupload.application;

import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.upload.RequestStatus;
import com.bulkupload.domain.model.upload.RowValidator;
import com.bulkupload.domain.model.upload.UploadHeader;
import com.bulkupload.infrastructure.config.BulkSettings;
import com.bulkupload.infrastructure.files.RecordSink;
import com.bulkupload.infrastructure.files.ResultFileWriter;
import com.bulkupload.infrastructure.files.UploadFileException;
import com.bulkupload.infrastructure.files.UploadFileOpener;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports the file of one upload request, in two streaming passes over the stored file:
 * <ol>
 * <li>the pre-scan reads it through once: format, encoding, header and row count. A file that is
 * not importable as a whole (3210, 3211, 3212) fails here, before a single row is applied;</li>
 * <li>the import reads it again, validates each row and applies the rows in chunks, each chunk
 * with its counts, its result lines and its checkpoint in one transaction ({@link ImportSteps}).</li>
 * </ol>
 * Reader (file formats), processor ({@link RowValidator}) and writer ({@link ImportSteps}) are
 * separate, as in a batch job, and overlap: while one chunk is written (on the EJB asynchronous
 * pool) the next is read and validated. A resumed import skips what its checkpoint says is done.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class.getName());

    @EJB
    ImportSteps steps;

    @Inject
    FileStore storage;

    @Inject
    BulkSettings settings;

    public void importFile(String requestId) {
        ImportJob job = steps.claim(requestId);
        if (job == null) {
            LOG.fine(() -> "Import of " + requestId + " is done or running elsewhere; message dropped");
            return;
        }
        long started = System.nanoTime();
        UploadFileOpener opener = new UploadFileOpener(settings.maxFileBytes(), storage.workDirectory());
        try (UploadFileOpener.OpenedFile file = opener.open(storage.upload(requestId), job.fileName(), job.contentType(), job.charset())) {
            if (job.rowsTotal() == null) {
                Scan scan = scan(file, new Pulse(requestId));
                if (scan.rows > settings.maxRows()) {
                    steps.fail(requestId, RequestStatus.UploadFileRowCountExceeded, ErrorCode.UPLOAD_FILE_ROW_COUNT_EXCEEDED,
                            "The file has " + scan.rows + " rows; at most " + settings.maxRows() + " are allowed.");
                    return;
                }
                steps.scanned(requestId, scan.rows, scan.header.unknownColumns());
            }
            long scanned = System.nanoTime();
            apply(job, file);
            steps.complete(requestId);
            long done = System.nanoTime();
            LOG.info(() -> "Imported " + requestId + " (" + file.describe() + ") in " + (done - started) / 1_000_000
                    + " ms (pre-scan " + (scanned - started) / 1_000_000 + " ms)");
        } catch (UploadFileException e) {
            RequestStatus status = switch (e.error()) {
                case UPLOAD_FILE_FORMAT_NOT_SUPPORTED -> RequestStatus.UploadFileFormatNotSupported;
                case UPLOAD_FILE_ROW_COUNT_EXCEEDED -> RequestStatus.UploadFileRowCountExceeded;
                default -> RequestStatus.Failed;
            };
            LOG.info(() -> "Upload " + requestId + " refused: " + e.error().errorCode() + ": " + e.getMessage());
            steps.fail(requestId, status, e.error(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (takenOver(e)) {
                // the stalled-import timer gave the request to another importer, or a chunk write was
                // lost: the request carries on from its last committed chunk; failing it would be wrong
                LOG.warning(() -> "Import of " + requestId + " stops here (" + e.getMessage()
                        + "); the request stays InProgress and resumes from its last committed chunk");
                return;
            }
            LOG.log(Level.SEVERE, "Import of " + requestId + " failed", e);
            steps.fail(requestId, RequestStatus.Failed, ErrorCode.INTERNAL_ERROR, null);
        }
    }

    /** A chunk write that never reported back. */
    static final class WriteLost extends RuntimeException {
        WriteLost(Throwable cause) {
            super("A chunk write did not finish in time", cause);
        }
    }

    private static boolean takenOver(Throwable e) {
        return Causes.find(e, OptimisticLockException.class) != null || Causes.find(e, WriteLost.class) != null;
    }

    private record Scan(UploadHeader header, long rows) {
    }

    /** Beats the request's heartbeat every few seconds while records stream by without a commit. */
    private final class Pulse {
        private static final long EVERY_NANOS = 5_000_000_000L;
        private final String requestId;
        private long last = System.nanoTime();

        Pulse(String requestId) {
            this.requestId = requestId;
        }

        void record() {
            long now = System.nanoTime();
            if (now - last >= EVERY_NANOS) {
                steps.heartbeat(requestId);
                last = now;
            }
        }
    }

    private static Scan scan(UploadFileOpener.OpenedFile file, Pulse pulse) throws IOException {
        UploadHeader[] header = new UploadHeader[1];
        long[] rows = new long[1];
        file.read(new RecordSink() {
            @Override
            public void header(List<String> names) {
                header[0] = ImportService.header(names);
            }

            @Override
            public void record(long rowNumber, List<String> fields) {
                rows[0]++;
                pulse.record();
            }
        });
        return new Scan(header[0], rows[0]);
    }

    private void apply(ImportJob job, UploadFileOpener.OpenedFile file) throws IOException {
        ChunkingSink sink = new ChunkingSink(job);
        try {
            file.read(sink);
            sink.flush();
            sink.awaitWrite();
        } finally {
            sink.awaitWriteQuietly();
            if (sink.results != null) {
                sink.results.close();
            }
        }
    }

    /** Validates records as they stream in and hands them to the writer a chunk at a time. */
    private final class ChunkingSink implements RecordSink {

        private final ImportJob job;
        private final Pulse pulse;
        private final int chunkRows = settings.importChunkRows();
        private final List<ImportRow> chunk = new ArrayList<>(chunkRows);
        private UploadHeader header;
        private RowValidator validator;
        private ResultFileWriter results;
        private long records;
        private Future<Void> writing;

        ChunkingSink(ImportJob job) {
            this.job = job;
            this.pulse = new Pulse(job.requestId());
        }

        @Override
        public void header(List<String> names) {
            header = ImportService.header(names);
            validator = new RowValidator(header, job.lookupField());
            try {
                results = job.resultBytes() == 0
                        ? ResultFileWriter.create(storage.result(job.requestId()), ResultLines.header(header))
                        : ResultFileWriter.resume(storage.result(job.requestId()), job.resultBytes());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void record(long rowNumber, List<String> fields) {
            records++;
            if (records <= job.recordsDone()) {
                pulse.record();
                return;
            }
            chunk.add(new ImportRow(List.copyOf(fields), validator.check(rowNumber, fields)));
            if (chunk.size() == chunkRows) {
                flush();
            }
        }

        /** Hands the chunk to the writer once the previous one is committed (its failure stops the import here). */
        void flush() {
            if (!chunk.isEmpty()) {
                awaitWrite();
                writing = steps.applyChunkAsync(job, header, List.copyOf(chunk), records, results);
                chunk.clear();
            }
        }

        void awaitWrite() {
            if (writing == null) {
                return;
            }
            try {
                // bounded: a write lost with its connection (seen when PostgreSQL restarted
                // mid-chunk: the container never completed the Future) must not hold the importer
                // forever; the request stays InProgress and the stalled-import timer resumes it
                writing.get(Math.max(60, settings.stuckImportAfter().toSeconds()), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new WriteLost(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while a chunk was written", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            } finally {
                writing = null;
            }
        }

        /** On the way out after a failure: the chunk in flight must finish before its result file is closed. */
        void awaitWriteQuietly() {
            try {
                awaitWrite();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Chunk write failed after an earlier failure", e);
            }
        }
    }

    static UploadHeader header(List<String> names) {
        try {
            return UploadHeader.of(names);
        } catch (IllegalArgumentException e) {
            throw UploadFileException.unsupported("The header has a " + e.getMessage() + ".");
        }
    }
}
