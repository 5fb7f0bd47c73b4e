package com.bulkupload.application;

import java.util.List;

/** GetBulkUploadStatusResponse, field for field and in contract order. */
public record UploadStatusView(List<OperationErrorView> errors, int percentComplete, String requestStatus,
                               String resultFileUrl, long rowsProcessed, long rowsFailed, long rowsWithWarning) {
}
