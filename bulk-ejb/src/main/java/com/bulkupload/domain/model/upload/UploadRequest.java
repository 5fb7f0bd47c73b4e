package com.bulkupload.domain.model.upload;

import com.bulkupload.domain.model.customer.ColumnMappings;

import com.bulkupload.domain.model.customer.LookupField;
import com.bulkupload.domain.model.error.ErrorCode;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
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

    @Embedded
    private ImportTarget target;

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

    @Embedded
    private ImportProgress progress = ImportProgress.none();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The file must arrive before this instant. */
    @Column(name = "upload_deadline", nullable = false)
    private Instant uploadDeadline;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Null until the request is given a file or a file's name (JPA leaves it null when all its columns are). */
    @Embedded
    private ReceivedFile file;

    /** Null unless the client named a URL for its file. */
    @Embedded
    private RemoteFetch remoteFetch;

    /** Set once the import has read the file's header; null before (and for requests of earlier releases: Rows). */
    @Enumerated(EnumType.STRING)
    @Column(name = "result_layout", length = 16)
    private ResultFileLayout resultLayout;

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
        this.target = new ImportTarget(customerListId, partitionName, lookupField, responseMode);
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
        this.progress = progress.failed(now);
        this.errors.add(new UploadError(error, details));
        this.updatedAt = now;
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
        this.file = ReceivedFile.stored(fileName, contentType, declaredCharset, declaredFormat, bytes, now);
        if (remoteFetch != null) {
            remoteFetch = remoteFetch.done();
        }
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
            progress = progress.started(now);
        } else if (status != RequestStatus.InProgress || progress.aliveAfter(staleBefore)) {
            return false;
        } else {
            progress = progress.claimedAgain(now);
        }
        updatedAt = now;
        return true;
    }

    /** Whether {@code claim} is still this request's current claim: an importer holding an older one was taken over. */
    public boolean claimedBy(int claim) {
        return status == RequestStatus.InProgress && progress.claim() == claim;
    }

    /** The client named a URL instead of sending a file: the server downloads it (its name says its format). */
    public void awaitRemoteFile(String sealedFileUrl, String fileName, Instant now) {
        if (status != RequestStatus.PendingFileUpload) {
            throw new IllegalStateException("request " + requestId + " is " + status);
        }
        this.remoteFetch = RemoteFetch.of(sealedFileUrl);
        this.file = ReceivedFile.named(fileName);
        this.updatedAt = now;
    }

    /**
     * Takes the download of the request's file: one not started yet, or one whose node last said
     * it was alive at or before {@code staleBefore} and did not finish (it died or froze).
     *
     * @return whether the caller now owns the download
     */
    public boolean claimDownload(Instant now, Instant staleBefore) {
        RemoteFetch fetch = remoteFetch();
        if (fetch.sealedFileUrl() == null || !acceptsFileAt(now) || !fetch.freeToClaim(staleBefore)) {
            return false;
        }
        remoteFetch = fetch.claimedAt(now);
        updatedAt = now;
        return true;
    }

    /**
     * The node holding download claim {@code claim} is still downloading: its lease runs on.
     *
     * @return false if the download was claimed again meanwhile, or is over: that node stops
     */
    public boolean downloadAlive(int claim, Instant now) {
        if (!downloadClaimedBy(claim)) {
            return false;
        }
        remoteFetch = remoteFetch.aliveAt(now);
        return true;
    }

    /** Whether {@code claim} is the current claim of a download still running. */
    public boolean downloadClaimedBy(int claim) {
        return status == RequestStatus.PendingFileUpload && remoteFetch().sealedFileUrl() != null && remoteFetch().claim() == claim;
    }

    /** The server is downloading the file the client named. */
    public boolean isDownloading() {
        return downloading(status, remoteFetch().started());
    }

    /** A request is downloading its file while it waits for one and a fetch of its FileUrl has started. */
    static boolean downloading(RequestStatus status, boolean fetchStarted) {
        return status == RequestStatus.PendingFileUpload && fetchStarted;
    }

    public String sealedFileUrl() {
        return remoteFetch().sealedFileUrl();
    }

    /** The download of the file the client named by URL; {@code RemoteFetch.NONE} when it named none. */
    public RemoteFetch remoteFetch() {
        return remoteFetch == null ? RemoteFetch.NONE : remoteFetch;
    }

    /** The file the request was given; {@code ReceivedFile.NONE} before it has one. */
    public ReceivedFile file() {
        return file == null ? ReceivedFile.NONE : file;
    }

    /** The client's explicit column mappings for its file (they win over its list's default and over recognition). */
    public void mapColumns(ColumnMappings mappings) {
        this.target = target.withColumnMappings(mappings);
    }

    /** Where the rows go and how. */
    public ImportTarget target() {
        return target;
    }

    /** The counters and the checkpoint of the import. */
    public ImportProgress progress() {
        return progress;
    }

    /** The importer is alive (a long pre-scan, or skipping what an earlier run committed). */
    public void heartbeat(Instant now) {
        this.progress = progress.beat(now);
    }

    /** The pre-scan read the whole file: it is well-formed, has this many data rows, and gets results in this layout. */
    /** @param readFormat the delimited format the file is read as (null: a workbook) */
    public void scanned(long rows, ResultFileLayout layout, TextFormat readFormat) {
        this.progress = progress.scanned(rows);
        this.resultLayout = layout;
        this.file = file().readAs(readFormat);
    }

    /** The pre-scan of a file of our own columns. */
    public void scanned(long rows) {
        scanned(rows, ResultFileLayout.Rows, TextFormat.Csv);
    }

    /** How the request's result file is laid out. */
    public ResultFileLayout resultLayout() {
        return resultLayout == null ? ResultFileLayout.Rows : resultLayout;
    }

    public void addWarning(ErrorCode warning, String details) {
        errors.add(new UploadError(warning, details));
    }

    /**
     * The file store was full when the import wrote: it stays InProgress at its last committed
     * chunk, and the stalled-import timer gives it another try once its lease has passed. The
     * status says so with warning 3224, once, and keeps saying it after the import went on.
     *
     * @return whether this starts the wait (the warning was not there yet)
     */
    public boolean waitForStorage() {
        return startsStorageWait("The file store filled after " + progress.recordsDone() + " records; the import waited at that"
                + " checkpoint and goes on by itself once there is space, nothing applied twice.");
    }

    /**
     * The file store filled while this request's file was downloaded (an Alibaba FileUrl): it stays
     * PendingFileUpload, and the stalled-import timer queues the download again once its lease has
     * passed. Said with warning 3224, once, as {@link #waitForStorage()} says it of an import.
     *
     * @return whether this starts the wait (the request had not waited for space yet)
     */
    public boolean downloadWaitsForStorage() {
        return startsStorageWait("The file store filled while the file was downloaded; the download waited and went on by"
                + " itself once there was space.");
    }

    /** Warning 3224 with these details, unless the request has waited for space before: one warning per request. */
    private boolean startsStorageWait(String details) {
        if (waitedForStorage()) {
            return false;
        }
        addWarning(ErrorCode.STORAGE_FULL, details);
        return true;
    }

    /** Whether the import, or the download of its file, has had to wait for space in the file store. */
    public boolean waitedForStorage() {
        return errors.stream().anyMatch(e -> e.code() == ErrorCode.STORAGE_FULL.code());
    }

    /** A chunk of rows is applied; its counts and the checkpoint are committed together with it. */
    public void chunkApplied(long recordsDoneNow, long processed, long failed, long warnings, long resultBytesNow, Instant now) {
        this.progress = progress.chunkApplied(recordsDoneNow, processed, failed, warnings, resultBytesNow, now);
        this.updatedAt = now;
    }

    public void complete(Instant now) {
        this.status = progress.rowsFailed() > 0 ? RequestStatus.CompletedWithErrors : RequestStatus.Completed;
        this.progress = progress.completed(now);
        this.updatedAt = now;
    }

    /**
     * Puts a stalled import back in the queue: its message was lost, or its importer died. The
     * checkpoint stays, so the next importer resumes where the dead one stopped.
     */
    public void requeue(Instant now) {
        this.status = RequestStatus.FileUploaded;
        this.progress = progress.beat(now);
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
        return new UploadStatusSnapshot(requestId, batchId, status, progress.percentComplete(), progress.rowsProcessed(),
                progress.rowsFailed(), progress.rowsWithWarning(), errors, filesPurged, remoteFetch().started());
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

    public String requestId() {
        return requestId;
    }

    public Long accountId() {
        return accountId;
    }

    public RequestStatus status() {
        return status;
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

    public List<UploadError> errors() {
        return Collections.unmodifiableList(errors);
    }
}
