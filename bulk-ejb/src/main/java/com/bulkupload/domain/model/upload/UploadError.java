package com.bulkupload.domain.model.upload;

import com.bulkupload.domain.model.error.ErrorCode;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One entry of a request's Errors: why it failed, or a file-level warning. */
@Embeddable
public class UploadError {

    @Column(name = "code", nullable = false)
    private int code;

    @Column(name = "error_code", nullable = false, length = 64)
    private String errorCode;

    @Column(name = "message", nullable = false, length = 1000)
    private String message;

    @Column(name = "details", length = 2000)
    private String details;

    protected UploadError() {
    }

    /** An entry as it was stored (read back without its request, {@link UploadStatusSnapshot}). */
    public static UploadError stored(int code, String errorCode, String message, String details) {
        UploadError error = new UploadError();
        error.code = code;
        error.errorCode = errorCode;
        error.message = message;
        error.details = details;
        return error;
    }

    public UploadError(ErrorCode error, String details) {
        this.code = error.code();
        this.errorCode = error.errorCode();
        this.message = error.message();
        this.details = details;
    }

    public int code() {
        return code;
    }

    public String errorCode() {
        return errorCode;
    }

    public String message() {
        return message;
    }

    public String details() {
        return details;
    }
}
