package com.bulkupload.application;

import com.bulkupload.domain.model.error.ErrorCode;
import jakarta.ejb.ApplicationException;

/**
 * A refusal with a code from the error table. Every adapter turns it into its protocol's error
 * (SOAP fault, JSON error) in one place; nothing else is ever shown to a client.
 */
@ApplicationException(rollback = true)
public class BulkApiException extends RuntimeException {

    private final ErrorCode error;
    private final String details;

    public BulkApiException(ErrorCode error, String details) {
        super(error.errorCode() + (details == null ? "" : ": " + details));
        this.error = error;
        this.details = details;
    }

    public BulkApiException(ErrorCode error) {
        this(error, null);
    }

    public ErrorCode error() {
        return error;
    }

    /** Safe to show to the client: never a stack trace or a secret. */
    public String details() {
        return details;
    }
}
