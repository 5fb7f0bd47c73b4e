package com.bulkupload.application;

import com.bulkupload.domain.model.upload.RowResult;
import java.time.Duration;
import java.util.Map;

/**
 * What the import and status use cases tell an operator's metrics (implemented over the server's
 * Micrometer registry in {@code infrastructure.metrics}; names and meaning in docs/operations.md,
 * "Metrics"). Nothing here may fail or slow the work it measures.
 */
public interface ImportMetrics {

    /** For code run without a server (unit tests, tools): measures nothing. */
    ImportMetrics NONE = new ImportMetrics() {
    };

    /** An import slot took the request's file. */
    default void importStarted(String requestId) {
    }

    /** A chunk's rows, by outcome, once its transaction has committed (a chunk rolled back counts nothing). */
    default void rowsCommitted(String requestId, Map<RowResult, Long> rowsByOutcome) {
    }

    /** The import ended, with the request's final status, or stopped (taken over: {@code null}). */
    default void importEnded(String requestId, String finalStatus, Duration took) {
    }

    /** Files uploaded and waiting for a slot, over the whole cluster (the import queue's true depth). */
    /** An import began to wait for space in the file store (docs/operations.md, "A full disk"). */
    default void importWaitingForStorage(String requestId) {
    }

    default void filesWaiting(long count) {
    }

    /** A status call of any protocol was answered. */
    default void statusAnswered(Duration took) {
    }
}
