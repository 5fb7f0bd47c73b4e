package com.bulkupload.application.importing;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a result file line by line as the import goes (implemented as CSV by
 * {@code infrastructure.files}). A checkpoint makes what was written durable and gives the file's
 * length, which the import commits with its chunk; a resumed import cuts the file back to that
 * length, so every row appears exactly once whatever happened in between.
 */
public interface ResultLines {

    /** One result file open for writing. */
    interface Writer extends Closeable {

        void write(List<String> values) throws IOException;

        /** Flushes to the disk and returns the file's length. */
        long checkpoint() throws IOException;
    }

    /** A new result file with its header line. */
    Writer create(Path path, List<String> header) throws IOException;

    /**
     * The result file of a resumed import: {@code path} made to hold the first {@code committedBytes}
     * of {@code committed} (the file of the claim that committed them; the same file is cut back),
     * to be written on from there.
     */
    Writer resume(Path committed, Path path, long committedBytes) throws IOException;
}
