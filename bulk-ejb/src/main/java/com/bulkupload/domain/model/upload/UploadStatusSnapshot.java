package com.bulkupload.domain.model.upload;

import java.util.List;

/**
 * What a status call answers about a request: read without loading the request itself (the
 * hottest read of the service: clients poll it), or taken from a loaded request
 * ({@link UploadRequest#statusSnapshot}). Its rules are the request's own
 * ({@link UploadRequest#resultFileAvailable}, {@link UploadRequest#downloading}); a request still
 * waiting for its file is judged by the request itself, whose upload window may have closed.
 */
public record UploadStatusSnapshot(String requestId, long batchId, RequestStatus status, int percentComplete,
                                   long rowsProcessed, long rowsFailed, long rowsWithWarning, List<UploadError> errors,
                                   boolean filesPurged, boolean fetchStarted) {

    public UploadStatusSnapshot {
        errors = List.copyOf(errors);
    }

    public boolean hasResultFile() {
        return UploadRequest.resultFileAvailable(status, filesPurged);
    }

    public boolean isDownloading() {
        return UploadRequest.downloading(status, fetchStarted);
    }
}
