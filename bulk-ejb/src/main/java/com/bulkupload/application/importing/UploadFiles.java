package com.bulkupload.application.importing;

import com.bulkupload.domain.model.upload.TextFormat;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens a stored upload as rows, whatever it is: CSV, TSV, SSV or XLSX, plain, gzipped or zipped
 * (implemented by {@code infrastructure.files}, which tells them apart and enforces the size limit
 * as it streams).
 */
public interface UploadFiles {

    /** A file to read; close it to delete any temporary file it had to extract. */
    interface OpenedFile extends TabularFile, AutoCloseable {
        /** The delimited format the file is read as (declared, or detected from its header line); null for a workbook. */
        TextFormat textFormat();

        /** The encoding text is read in and what decided it; null for a workbook (its XML says its own). */
        Encoding encoding() throws IOException;

        @Override
        void close() throws IOException;
    }

    /**
     * An encoding and what chose it. {@link Source#GUESSED} only ever answers a preview: a file
     * whose encoding was not named is read as UTF-8 (CONTRACT §5: never guess silently); the guess
     * tells the person which charset to name.
     */
    record Encoding(String charset, Source source) {
        public enum Source {
            /** the file starts with a byte-order mark (UTF-8, UTF-16 LE/BE) */
            BYTE_ORDER_MARK,
            /** the client named it (charset) */
            DECLARED,
            /** nothing named it and the first bytes are valid UTF-8 */
            DEFAULT,
            /** nothing named it, the first bytes are not valid UTF-8, and they look like this one */
            GUESSED
        }
    }

    /**
     * @param declared the text format the client declared (wins over name and type), or null
     * @throws UploadFileException when the file cannot be read as a table
     */
    OpenedFile open(Path stored, String fileName, String contentType, String charsetName, TextFormat declared) throws IOException;
}
