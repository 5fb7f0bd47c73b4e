package com.bulkupload.application;

import java.nio.file.Path;

/** A file the upload endpoint has streamed to a work file, with what the client said about it. */
public record UploadedFile(Path storedAt, String fileName, String contentType, String charset, long bytes) {
}
