package com.bulkupload.application.requests;

import com.bulkupload.domain.model.error.ErrorCode;

/** One OperationError as every protocol shows it: Code, Details, ErrorCode, Message. */
public record OperationErrorView(int code, String details, String errorCode, String message) {

    public static OperationErrorView of(ErrorCode error, String details) {
        return new OperationErrorView(error.code(), details, error.errorCode(), error.message());
    }

    /** A file-level warning listed beside the request's errors (the import went on). */
    public boolean isWarning() {
        return ErrorCode.isWarning(code);
    }

    /** In one line for a client's log: {@code ErrorCode: details}, or the message when there are no details. */
    public String reason() {
        return errorCode + ": " + (details != null ? details : message);
    }
}
