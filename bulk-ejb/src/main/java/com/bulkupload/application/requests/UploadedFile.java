package com.bulkupload.application.requests;

import com.bulkupload.domain.model.upload.TextFormat;
import java.nio.file.Path;

/**
 * A file an upload endpoint has streamed to a work file, with what the client said about it:
 * its name, content type, charset and, if the protocol lets it declare one, its text format.
 */
public record UploadedFile(Path storedAt, String fileName, String contentType, String charset, TextFormat declaredFormat,
                           long bytes) {

    /** The same file, declared by the client to be of that text format. */
    public UploadedFile declaredAs(TextFormat format) {
        return new UploadedFile(storedAt, fileName, contentType, charset, format, bytes);
    }
}
