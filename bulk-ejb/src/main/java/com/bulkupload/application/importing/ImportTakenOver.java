package com.bulkupload.application.importing;

import jakarta.ejb.ApplicationException;

/**
 * The request's import was claimed again while this importer ran (it stopped beating long enough:
 * killed, or frozen and woken up): whatever this importer was about to commit is dropped, and it
 * stops. The claim that took over resumes from the last committed chunk. An application exception:
 * the transaction rolls back, and the container neither wraps it nor logs it as a failure.
 */
@ApplicationException(rollback = true)
public class ImportTakenOver extends RuntimeException {

    public ImportTakenOver(ImportJob job) {
        super("the import of " + job.requestId() + " was taken over: claim " + job.claim() + " is no longer current", null, false, false);
    }
}
