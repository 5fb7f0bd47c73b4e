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

        @Override
        void close() throws IOException;
    }

    /**
     * @param declared the text format the client declared (wins over name and type), or null
     * @throws UploadFileException when the file cannot be read as a table
     */
    OpenedFile open(Path stored, String fileName, String contentType, String charsetName, TextFormat declared) throws IOException;
}
