package com.bulkupload.domain.model.upload;

/** The life of an upload request, spelled exactly as clients see it (CONTRACT section 2). */
public enum RequestStatus {
    PendingFileUpload,
    FileUploaded,
    InProgress,
    Completed,
    CompletedWithErrors,
    Failed,
    UploadFileRowCountExceeded,
    UploadFileFormatNotSupported;

    /** Counted against the per-account cap of queued or running uploads. */
    public boolean isActive() {
        return this == FileUploaded || this == InProgress;
    }

    /** The import ended: nothing about the request changes any more. */
    public boolean isFinal() {
        return this != PendingFileUpload && !isActive();
    }

    /** Ended with every row accounted for (some may have failed). */
    public boolean isCompleted() {
        return this == Completed || this == CompletedWithErrors;
    }
}
