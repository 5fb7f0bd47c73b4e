package com.bulkupload.interfaces.web;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.StorageFull;
import com.bulkupload.application.importing.Causes;
import com.bulkupload.domain.model.error.ErrorCode;
import com.fasterxml.jackson.core.JacksonException;
import jakarta.ws.rs.WebApplicationException;

/**
 * The one classification of a failure into an error of the table (docs/errors.md), for every
 * protocol: a refusal keeps its code; a body that is not valid JSON, or a request the framework
 * cannot route, is 100; anything else is 0, to be logged under the TrackingId and never shown.
 * Each protocol's error mapper then writes the error in its own envelope and HTTP status.
 */
public final class Failures {

    private Failures() {
    }

    /** An error of the table, what to tell the caller, and the HTTP status the framework already chose (0 if none). */
    public record Classified(ErrorCode error, String details, int frameworkStatus, boolean unexpected) {
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Failures.class.getName());

    /**
     * {@link #classify}, and an unexpected failure logged with its stack trace under the
     * TrackingId: {@code what} says which call failed ("JSON call", "Marketo call", ...).
     */
    public static Classified classifyAndLog(Throwable exception, String trackingId, String what) {
        Classified failure = classify(exception);
        if (failure.unexpected()) {
            LOG.log(java.util.logging.Level.SEVERE, what + " failed, TrackingId=" + trackingId, exception);
        }
        return failure;
    }

    public static Classified classify(Throwable exception) {
        BulkApiException refusal = Causes.find(exception, BulkApiException.class);
        if (refusal != null) {
            return new Classified(refusal.error(), refusal.details(), 0, false);
        }
        JacksonException json = Causes.find(exception, JacksonException.class);
        if (json != null) {
            return new Classified(ErrorCode.NULL_REQUEST, "The body is not valid JSON for this operation: " + json.getOriginalMessage(), 0, false);
        }
        if (exception instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            // Not found, method not allowed, unsupported media type: the request itself is wrong.
            int status = web.getResponse().getStatus();
            return new Classified(ErrorCode.NULL_REQUEST, "HTTP " + status + ": " + web.getMessage(), status, false);
        }
        if (StorageFull.in(exception)) {
            // the disk filled while the call wrote: retryable, and nothing of it was kept
            LOG.warning("The file store is full: a call was refused with 3224 (" + exception + ")");
            return new Classified(ErrorCode.STORAGE_FULL, "The file store filled while this file arrived; nothing of it was kept: send it again later.",
                    0, false);
        }
        return new Classified(ErrorCode.INTERNAL_ERROR, null, 0, true);
    }
}
