package com.bulkupload.application;

import java.util.List;

/**
 * The status of one upload request in domain terms: each protocol turns it into its own answer
 * (Bing's five elements, Marketo's batch, Alibaba's task) and builds its own result links.
 */
public record UploadStatusView(String requestId, long batchId, String requestStatus, int percentComplete,
                               long rowsProcessed, long rowsFailed, long rowsWithWarning,
                               List<OperationErrorView> errors, boolean resultFileAvailable, boolean downloading) {
}
