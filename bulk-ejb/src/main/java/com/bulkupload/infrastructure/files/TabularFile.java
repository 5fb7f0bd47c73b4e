package com.bulkupload.infrastructure.files;

import java.io.IOException;

/** An uploaded file that can be read (any number of times) as a header and records. */
public interface TabularFile {

    /**
     * Streams the whole file into the sink; memory does not grow with the file.
     *
     * @throws UploadFileException when the file is not readable as a table (format, encoding, size)
     */
    void read(RecordSink sink) throws IOException;

    /** Which reader and settings were chosen, for the log. */
    String describe();
}
