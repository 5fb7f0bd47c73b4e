package com.bulkupload.application.importing;

import java.io.IOException;

/** An uploaded file that can be read (any number of times) as a header and records. */
public interface TabularFile {

    /**
     * The most characters one record (a row, all its fields and delimiters) may hold. A record
     * never legitimately comes near it (the columns' lengths add up to about 2,000 characters); a
     * file that does is an unterminated quote swallowing the rest of the file, or not a table, and
     * fails with 3211 naming the row, before the reader has buffered more than this.
     */
    int MAX_RECORD_CHARS = 1 << 20;

    /**
     * Streams the whole file into the sink; memory does not grow with the file.
     *
     * @throws UploadFileException when the file is not readable as a table (format, encoding, size)
     */
    void read(RecordSink sink) throws IOException;

    /** Which reader and settings were chosen, for the log. */
    String describe();
}
