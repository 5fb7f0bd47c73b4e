package com.bulkupload.application.importing;

import com.bulkupload.domain.model.error.ErrorCode;

/** The uploaded file as a whole cannot be imported: too large, not a supported format, unreadable. */
public class UploadFileException extends RuntimeException {

    private final ErrorCode error;

    public UploadFileException(ErrorCode error, String details) {
        super(details);
        this.error = error;
    }

    public ErrorCode error() {
        return error;
    }

    public static UploadFileException unsupported(String details) {
        return new UploadFileException(ErrorCode.UPLOAD_FILE_FORMAT_NOT_SUPPORTED, details);
    }
}
