package com.bulkupload.application;

import com.bulkupload.application.analysis.CrowdAnalysisService;
import com.bulkupload.application.importing.Importer;
import com.bulkupload.application.requests.RemoteFileImporter;

/**
 * Hands a request to the importers (implemented over JMS in {@code infrastructure.messaging.jms}).
 * The message must be part of the caller's transaction: it exists exactly when the status change
 * that goes with it is committed.
 */
public interface ImportQueue {

    /**
     * Tells the import slots that a request is FileUploaded. A free slot then imports whichever
     * file's turn it is ({@code importing.Importer.importNextInTurn}), which need not be this one.
     */
    void fileWaiting(String requestId);

    /** Queues the download of the file a request names by URL ({@code requests.RemoteFileImporter}); the import follows once it is stored. */
    void enqueueDownload(String requestId, Long accountId);

    /** Queues the computation of an analysis task's figures ({@code analysis.CrowdAnalysisService.compute}). */
    void enqueueAnalysis(long taskId);

    /** Whether this node can reach the queue now (the health check); never throws. */
    boolean isReachable();
}
