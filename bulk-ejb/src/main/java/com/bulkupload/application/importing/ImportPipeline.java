package com.bulkupload.application.importing;

import com.bulkupload.application.Pulse;
import com.bulkupload.domain.model.customer.LookupField;
import com.bulkupload.domain.model.customer.ColumnMappings;
import com.bulkupload.domain.model.upload.ResultFileLayout;
import com.bulkupload.domain.model.upload.UploadHeader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * The import of one file as a pipeline: the reader (the file formats of
 * {@code infrastructure.files}, streaming records), the processor ({@link RecordProcessor}: header
 * and row validation) and the writer ({@link ChunkWriter}: a chunk of rows, their counts, their
 * result lines and the checkpoint in one transaction), with {@link OneChunkInFlight} between
 * processor and writer. Two passes over the stored file: {@link #scan} reads it through once
 * (format, encoding, header, row count), so that a file which is not importable as a whole fails
 * before a single row is applied; {@link #apply} then imports it, skipping what an interrupted
 * import committed. Nothing here knows transactions, JMS or the database: {@link Importer} runs it
 * with the real writer, the fuzz test with one that has no database.
 */
public final class ImportPipeline {

    /** Writes one chunk, in one transaction, on another thread or not; its failure comes out of the Future. */
    public interface ChunkWriter {
        Future<Void> write(ImportChunk chunk);
    }

    /** What the pre-scan found: the header, how many records, how the result file will be laid out, what to warn of. */
    public record Scan(UploadHeader header, long rows, ResultFileLayout layout, Optional<String> headerWarning) {
    }

    /**
     * A chunk is handed over at this many characters of row text even before it has its rows: a
     * chunk of 5,000 rows near the 1 Mi-character record bound would otherwise hold gigabytes.
     * With one chunk being built and one in flight the rows in memory stay under 2 x 8 MB.
     */
    static final long MAX_CHUNK_CHARS = 4L * 1024 * 1024;

    private final int chunkRows;
    private final Duration writePatience;
    private final Runnable heartbeat;
    private final ResultLines resultLines;

    /**
     * @param heartbeat called every few seconds while records stream by with no commit (the
     *                  pre-scan, skipping committed records), so that the stalled-import timer can
     *                  tell this import from a stuck one
     * @param resultLines where the result file's lines go
     */
    public ImportPipeline(int chunkRows, Duration writePatience, Runnable heartbeat, ResultLines resultLines) {
        this.chunkRows = chunkRows;
        this.writePatience = writePatience;
        this.heartbeat = heartbeat;
        this.resultLines = resultLines;
    }

    public Scan scan(TabularFile file, LookupField lookupField) throws IOException {
        return scan(file, lookupField, ColumnMappings.NONE);
    }

    public Scan scan(TabularFile file, LookupField lookupField, ColumnMappings mappings) throws IOException {
        Pulse pulse = new Pulse(heartbeat);
        RecordProcessor[] processor = new RecordProcessor[1];
        long[] rows = new long[1];
        file.read(new RecordSink() {
            @Override
            public void header(List<String> names) {
                processor[0] = RecordProcessor.forHeader(names, lookupField, mappings);
            }

            @Override
            public void record(long rowNumber, List<String> fields) {
                if (rows[0]++ == 0) {
                    processor[0].checkFirstRecord(fields);
                }
                pulse.beat();
            }
        });
        return new Scan(processor[0].header(), rows[0], processor[0].resultLayout(), processor[0].headerWarning());
    }

    /**
     * @param committedResult the result file holding the job's committed lines; {@code resultPath} this claim's own
     * @return where the import's time went
     */
    public ImportTimeline apply(ImportJob job, TabularFile file, Path committedResult, Path resultPath, ImportedKeys keys,
                                ChunkWriter writer) throws IOException {
        Chunking chunking = new Chunking(job, committedResult, resultPath, keys, writer);
        try {
            file.read(chunking);
            chunking.flush();
            long waiting = System.nanoTime();
            chunking.inFlight.awaitWrite();
            chunking.timeline.handedOver(chunking.records, System.nanoTime() - waiting);
            return chunking.timeline;
        } finally {
            chunking.inFlight.awaitQuietly();
            if (chunking.results != null) {
                chunking.results.close();
            }
        }
    }

    /** Processes records as they stream in and hands them to the writer a chunk at a time. */
    private final class Chunking implements RecordSink {

        private final ImportJob job;
        private final Path committedResult;
        private final Path resultPath;
        private final ImportedKeys keys;
        private final ChunkWriter writer;
        private final ImportTimeline timeline;
        private final OneChunkInFlight inFlight = new OneChunkInFlight(writePatience);
        private final Pulse pulse = new Pulse(heartbeat);
        private final List<ImportRow> chunk = new ArrayList<>(chunkRows);
        private RecordProcessor processor;
        private ResultFile results;
        private long records;
        private long chunkChars;

        Chunking(ImportJob job, Path committedResult, Path resultPath, ImportedKeys keys, ChunkWriter writer) {
            this.job = job;
            this.committedResult = committedResult;
            this.resultPath = resultPath;
            this.keys = keys;
            this.writer = writer;
            this.timeline = new ImportTimeline(job.requestId());
        }

        @Override
        public void header(List<String> names) {
            processor = RecordProcessor.forHeader(names, job.lookupField(), job.columnMappings());
            results = ResultFile.open(resultLines, committedResult, resultPath, job, processor.header(), ResultLayout.of(processor.resultLayout()));
        }

        @Override
        public void record(long rowNumber, List<String> fields) {
            records++;
            if (records <= job.recordsDone()) {
                processor.skip(rowNumber, fields);
                pulse.beat();
                return;
            }
            if (records == 1) {
                processor.checkFirstRecord(fields);
            }
            ImportRow row = processor.process(rowNumber, fields);
            chunk.add(row);
            // a field costs its characters and one more, for its reference: empty fields are not free
            for (String field : row.fields()) {
                chunkChars += (field == null ? 0 : field.length()) + 1;
            }
            if (chunk.size() == chunkRows || chunkChars >= MAX_CHUNK_CHARS) {
                flush();
            }
        }

        void flush() {
            if (!chunk.isEmpty()) {
                ImportChunk next = new ImportChunk(job, processor.header(), List.copyOf(chunk), records, results, keys, timeline);
                long waiting = System.nanoTime();
                inFlight.awaitWrite();
                timeline.handedOver(records, System.nanoTime() - waiting);
                inFlight.handOver(() -> writer.write(next));
                chunk.clear();
                chunkChars = 0;
            }
        }
    }
}
