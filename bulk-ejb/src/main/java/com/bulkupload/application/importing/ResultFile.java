package com.bulkupload.application.importing;

import com.bulkupload.domain.model.upload.ResponseMode;
import com.bulkupload.domain.model.upload.UploadHeader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The result file of one import, in its request's layout: the chunk writer adds each row's line
 * and takes the checkpoint (the file's committed length) into the chunk's transaction.
 */
public final class ResultFile implements Closeable {

    private final ResultLayout layout;
    private final UploadHeader header;
    private final ResponseMode mode;
    private final ResultLines.Writer writer;

    private ResultFile(ResultLayout layout, UploadHeader header, ResponseMode mode, ResultLines.Writer writer) {
        this.layout = layout;
        this.header = header;
        this.mode = mode;
        this.writer = writer;
    }

    /** A new result file, or the one an interrupted import left, cut back to its last checkpoint. */
    /** @param committed the result file holding the job's committed lines; {@code path} this claim's own */
    public static ResultFile open(ResultLines lines, Path committed, Path path, ImportJob job, UploadHeader header, ResultLayout layout) {
        try {
            ResultLines.Writer writer = job.resultBytes() == 0
                    ? lines.create(path, layout.header(header))
                    : lines.resume(committed, path, job.resultBytes());
            return new ResultFile(layout, header, job.responseMode(), writer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the result file of " + job.requestId(), e);
        }
    }

    public void write(ImportRow row, RowOutcome outcome) throws IOException {
        if (layout.includes(row, outcome, mode)) {
            for (List<String> line : layout.lines(header, row, outcome)) {
                writer.write(line);
            }
        }
    }

    /** Everything written so far on disk; its length, to be committed as the checkpoint. */
    public long checkpoint() throws IOException {
        return writer.checkpoint();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
