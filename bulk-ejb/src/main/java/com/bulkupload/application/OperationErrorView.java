package com.bulkupload.application;

import com.bulkupload.domain.model.error.ErrorCode;

/** One OperationError as every protocol shows it: Code, Details, ErrorCode, Message. */
public record OperationErrorView(int code, String details, String errorCode, String message) {

    public static OperationErrorView of(ErrorCode error, String details) {
        return new OperationErrorView(error.code(), details, error.errorCode(), error.message());
    }
}
