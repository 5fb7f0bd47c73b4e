package com.bulkupload.application.importing;

import jakarta.ejb.ApplicationException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A chunk's result lines could not be written, so the chunk commits nothing. An application
 * exception: the transaction rolls back and the container neither wraps nor logs it, because the
 * importer decides what it means: a full store (the usual cause) is a wait at the checkpoint with
 * one WARN, not an ERROR with a stack trace on every try (docs/operations.md, "A full disk");
 * anything else fails the import, logged there.
 */
@ApplicationException(rollback = true)
public class ResultFileWriteFailed extends UncheckedIOException {

    ResultFileWriteFailed(ImportJob job, IOException cause) {
        super("Cannot write the result file of " + job.requestId() + " (" + cause.getMessage() + ")", cause);
    }
}
