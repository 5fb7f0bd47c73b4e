package com.bulkupload.domain.model.upload;

import com.bulkupload.domain.model.error.ErrorCode;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One bulk upload: created by GetBulkUploadUrl, given a file through its UploadUrl, imported, and
 * reported by GetBulkUploadStatus. It belongs to exactly one account.
 */
@Entity
@Table(name = "upload_request")
public class UploadRequest {

    @Id
    @Column(name = "request_id", length = 64)
    private String requestId;

    /** The server-wide number of the request (Marketo's batchId), given when it is opened. */
    @Column(name = "batch_id", nullable = false, updatable = false)
    private long batchId;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "customer_list_id", nullable = false)
    private Long customerListId;

    @Enumerated(EnumType.STRING)
    @Column(name = "response_mode", nullable = false, length = 32)
    private ResponseMode responseMode;

    @Enumerated(EnumType.STRING)
    @Column(name = "lookup_field", nullable = false, length = 32)
    private LookupField lookupField;

    @Column(name = "partition_name", nullable = false, length = 255)
    private String partitionName;

    /** Idempotency key; cleared when a newer request takes it over after 24 hours. */
    @Column(name = "client_request_token", length = 100)
    private String clientRequestToken;

    @Column(name = "client_id", nullable = false, length = 64)
    private String clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Protocol protocol;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private RequestStatus status;

    @Column(name = "percent_complete", nullable = false)
    private int percentComplete;

    @Column(name = "rows_processed", nullable = false)
    private long rowsProcessed;

    @Column(name = "rows_failed", nullable = false)
    private long rowsFailed;

    @Column(name = "rows_with_warning", nullable = false)
    private long rowsWithWarning;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The file must arrive before this instant. */
    @Column(name = "upload_deadline", nullable = false)
    private Instant uploadDeadline;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "file_name", length = 255)
    private String fileName;

    @Column(name = "content_type", length = 255)
    private String contentType;

    @Column(name = "declared_charset", length = 64)
    private String declaredCharset;

    @Enumerated(EnumType.STRING)
    @Column(name = "declared_format", length = 8)
    private TextFormat declaredFormat;

    /** The URL the server downloads the file from (sealed: it may carry credentials), if the client named one. */
    @Column(name = "sealed_file_url", length = 4096)
    private String sealedFileUrl;

    @Column(name = "fetch_started_at")
    private Instant fetchStartedAt;

    @Column(name = "file_bytes")
    private Long fileBytes;

    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    /** Data rows in the file, known once the pre-scan has read it through. */
    @Column(name = "rows_total")
    private Long rowsTotal;

    /** Checkpoint: data records applied and committed; a resumed import skips these. */
    @Column(name = "records_done", nullable = false)
    private long recordsDone;

    /** Checkpoint: length of the result file that belongs to the committed records. */
    @Column(name = "result_bytes", nullable = false)
    private long resultBytes;

    @Column(name = "started_at")
    private Instant startedAt;

    /** Set with every committed chunk: an import whose heartbeat is old is stuck. */
    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "files_purged", nullable = false)
    private boolean filesPurged;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "upload_request_error", joinColumns = @JoinColumn(name = "request_id"))
    @OrderColumn(name = "position")
    private List<UploadError> errors = new ArrayList<>();

    @Version
    private long version;

    protected UploadRequest() {
    }

    public UploadRequest(RequestId requestId, long batchId, Long accountId, Long customerListId, ResponseMode responseMode,
                         LookupField lookupField, String partitionName, String clientRequestToken,
                         String clientId, Protocol protocol, Instant now, Instant uploadDeadline) {
        if (batchId < 1) {
            throw new IllegalArgumentException("a batchId is a positive integer: " + batchId);
        }
        this.requestId = requestId.value();
        this.batchId = batchId;
        this.protocol = protocol;
        this.accountId = accountId;
        this.customerListId = customerListId;
        this.responseMode = responseMode;
        this.lookupField = lookupField;
        this.partitionName = partitionName;
        this.clientRequestToken = clientRequestToken;
        this.clientId = clientId;
        this.status = RequestStatus.PendingFileUpload;
        this.createdAt = now;
        this.updatedAt = now;
        this.uploadDeadline = uploadDeadline;
    }

    /**
     * A request that got no file in its window fails with UploadWindowExpired.
     *
     * @return whether this call changed the request
     */
    public boolean expireIfNoFileBy(Instant now) {
        if (status != RequestStatus.PendingFileUpload || now.isBefore(uploadDeadline)) {
            return false;
        }
        fail(ErrorCode.UPLOAD_WINDOW_EXPIRED, "No file was uploaded before " + uploadDeadline + ".", now);
        return true;
    }

    /** Any failure resets progress to 0, as the contract requires. */
    public void fail(ErrorCode error, String details, Instant now) {
        failAs(RequestStatus.Failed, error, details, now);
    }

    /** Ends the request with a failure status of its own (UploadFileFormatNotSupported, ...). */
    public void failAs(RequestStatus failure, ErrorCode error, String details, Instant now) {
        this.status = failure;
        this.percentComplete = 0;
        this.errors.add(new UploadError(error, details));
        this.updatedAt = now;
        this.completedAt = now;
    }

    public boolean acceptsFileAt(Instant now) {
        return status == RequestStatus.PendingFileUpload && now.isBefore(uploadDeadline);
    }

    /** The file is stored: the request joins the import queue. */
    public void fileUploaded(String fileName, String contentType, String declaredCharset, TextFormat declaredFormat,
                             long bytes, Instant now) {
        if (status != RequestStatus.PendingFileUpload) {
            throw new IllegalStateException("request " + requestId + " is " + status);
        }
        this.fileName = fileName;
        this.contentType = contentType;
        this.declaredCharset = declaredCharset;
        this.declaredFormat = declaredFormat;
        this.sealedFileUrl = null; // downloaded: the URL is not needed again
        this.fileBytes = bytes;
        this.uploadedAt = now;
        this.status = RequestStatus.FileUploaded;
        this.updatedAt = now;
    }

    /**
     * Takes the request for importing: a queued one starts; one in progress whose heartbeat is older
     * than {@code staleBefore} (its importer died) is taken over and resumes from its checkpoint.
     *
     * @return whether the caller now owns the import
     */
    public boolean claimForImport(Instant now, Instant staleBefore) {
        if (status == RequestStatus.FileUploaded) {
            status = RequestStatus.InProgress;
            startedAt = now;
        } else if (status != RequestStatus.InProgress || (heartbeatAt != null && heartbeatAt.isAfter(staleBefore))) {
            return false;
        }
        heartbeatAt = now;
        updatedAt = now;
        return true;
    }

    /** The client named a URL instead of sending a file: the server downloads it (its name says its format). */
    public void awaitRemoteFile(String sealedFileUrl, String fileName, Instant now) {
        if (status != RequestStatus.PendingFileUpload) {
            throw new IllegalStateException("request " + requestId + " is " + status);
        }
        this.sealedFileUrl = sealedFileUrl;
        this.fileName = fileName;
        this.updatedAt = now;
    }

    /**
     * Takes the download of the request's file: one not started yet, or one whose node started it
     * before {@code staleBefore} and did not finish (it died).
     *
     * @return whether the caller now owns the download
     */
    public boolean claimDownload(Instant now, Instant staleBefore) {
        if (sealedFileUrl == null || !acceptsFileAt(now) || (fetchStartedAt != null && fetchStartedAt.isAfter(staleBefore))) {
            return false;
        }
        fetchStartedAt = now;
        updatedAt = now;
        return true;
    }

    /** The server is downloading the file the client named. */
    public boolean isDownloading() {
        return downloading(status, fetchStartedAt != null);
    }

    /** A request is downloading its file while it waits for one and a fetch of its FileUrl has started. */
    static boolean downloading(RequestStatus status, boolean fetchStarted) {
        return status == RequestStatus.PendingFileUpload && fetchStarted;
    }

    public String sealedFileUrl() {
        return sealedFileUrl;
    }

    /** The importer is alive (a long pre-scan, or skipping what an earlier run committed). */
    public void heartbeat(Instant now) {
        this.heartbeatAt = now;
    }

    /** The pre-scan read the whole file: it is well-formed and has this many data rows. */
    public void scanned(long rows) {
        this.rowsTotal = rows;
    }

    public void addWarning(ErrorCode warning, String details) {
        errors.add(new UploadError(warning, details));
    }

    /** A chunk of rows is applied; its counts and the checkpoint are committed together with it. */
    public void chunkApplied(long recordsDoneNow, long processed, long failed, long warnings, long resultBytesNow, Instant now) {
        this.recordsDone = recordsDoneNow;
        this.rowsProcessed += processed;
        this.rowsFailed += failed;
        this.rowsWithWarning += warnings;
        this.resultBytes = resultBytesNow;
        // 100 only once the request is complete
        this.percentComplete = rowsTotal == null || rowsTotal == 0 ? 0 : (int) Math.min(99, rowsProcessed * 100 / rowsTotal);
        this.heartbeatAt = now;
        this.updatedAt = now;
    }

    public void complete(Instant now) {
        this.status = rowsFailed > 0 ? RequestStatus.CompletedWithErrors : RequestStatus.Completed;
        this.percentComplete = 100;
        this.completedAt = now;
        this.updatedAt = now;
    }

    /**
     * Puts a stalled import back in the queue: its message was lost, or its importer died. The
     * checkpoint stays, so the next importer resumes where the dead one stopped.
     */
    public void requeue(Instant now) {
        this.status = RequestStatus.FileUploaded;
        this.heartbeatAt = now;
        this.updatedAt = now;
    }

    public void filesPurged() {
        this.filesPurged = true;
    }

    public boolean hasResultFile() {
        return resultFileAvailable(status, filesPurged);
    }

    /** What a status call answers about this request, as {@link UploadRequestRepository#statusInAccount} reads it. */
    public UploadStatusSnapshot statusSnapshot() {
        return new UploadStatusSnapshot(requestId, batchId, status, percentComplete, rowsProcessed, rowsFailed, rowsWithWarning,
                errors, filesPurged, fetchStartedAt != null);
    }

    /** A finished import has a result file until the purge timer deletes it. */
    static boolean resultFileAvailable(RequestStatus status, boolean filesPurged) {
        return !filesPurged && (status == RequestStatus.Completed || status == RequestStatus.CompletedWithErrors);
    }

    /** The idempotency key is free for reuse once the 24-hour window of this request has passed. */
    public void releaseClientRequestToken() {
        this.clientRequestToken = null;
    }

    public boolean isWithinIdempotencyWindow(Instant now) {
        return now.isBefore(createdAt.plusSeconds(24 * 3600));
    }

    public long batchId() {
        return batchId;
    }

    /** The text format the client declared for its file, if it declared one. */
    public TextFormat declaredFormat() {
        return declaredFormat;
    }

    public String requestId() {
        return requestId;
    }

    public Long accountId() {
        return accountId;
    }

    public Long customerListId() {
        return customerListId;
    }

    public ResponseMode responseMode() {
        return responseMode;
    }

    public LookupField lookupField() {
        return lookupField;
    }

    public String partitionName() {
        return partitionName;
    }

    public RequestStatus status() {
        return status;
    }

    public int percentComplete() {
        return percentComplete;
    }

    public long rowsProcessed() {
        return rowsProcessed;
    }

    public long rowsFailed() {
        return rowsFailed;
    }

    public long rowsWithWarning() {
        return rowsWithWarning;
    }

    public Instant uploadDeadline() {
        return uploadDeadline;
    }

    public Protocol protocol() {
        return protocol;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String clientId() {
        return clientId;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public String declaredCharset() {
        return declaredCharset;
    }

    public Long rowsTotal() {
        return rowsTotal;
    }

    public long recordsDone() {
        return recordsDone;
    }

    public long resultBytes() {
        return resultBytes;
    }

    public List<UploadError> errors() {
        return Collections.unmodifiableList(errors);
    }
}
