package com.bulkupload.application.requests;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.CallerContext;
import com.bulkupload.application.FileStore;
import com.bulkupload.application.ImportMetrics;
import com.bulkupload.application.ImportQueue;
import com.bulkupload.application.SharedClock;
import com.bulkupload.application.identity.SecretSealer;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.tenant.TenantRepository;
import com.bulkupload.domain.model.upload.Protocol;
import com.bulkupload.domain.model.upload.RequestStatus;
import com.bulkupload.domain.model.upload.UploadRequest;
import com.bulkupload.domain.model.upload.UploadRequestRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * Takes the files of upload requests: the file of a request opened earlier (Bing's UploadUrl: one
 * file per request, only inside its window), or a request and its file in one step (protocols
 * with no upload URL: Marketo's multipart POST, a file the server fetched for Alibaba).
 */
@Stateless
public class FileSubmissionService {

    @Inject
    UploadRequestRepository uploads;

    @Inject
    FileStore storage;

    @Inject
    ImportQueue importQueue;

    @Inject
    TenantRepository tenants;

    @Inject
    BulkSettings settings;

    @EJB
    UploadRequestService requests;

    @Inject
    RemoteFiles remoteFiles;

    @Inject
    SecretSealer sealer;

    @Inject
    ImportMetrics metrics = ImportMetrics.NONE;

    @Inject
    SharedClock clock;

    private static final String AGAIN_LATER = "; this request keeps its upload window: send the file again later.";

    /** Refuses early, before a large body is read, what {@link #accept} would refuse anyway. */
    public void checkAcceptsFile(CallerContext caller, String requestId) {
        check(caller, requestId, clock.now());
    }

    /** Refuses early, before a large body is read, a one-step submission {@link #submit} would refuse for the account's cap. */
    public void checkAcceptsSubmission(CallerContext caller) {
        ActiveUploadCap.refuseIfReached(uploads, settings, caller.accountId(), ".");
    }

    /**
     * Moves the file into storage, marks the request FileUploaded and queues it, in one transaction:
     * the import message exists exactly when the status says the file is there.
     */
    public void accept(CallerContext caller, String requestId, UploadedFile file) {
        Instant now = clock.now();
        // the account first, then the request (the order GetBulkUploadUrl takes them in): the cap
        // check below cannot race with another upload or URL request of the account, on any node
        tenants.lockAccount(caller.accountId()).orElseThrow(() -> new BulkApiException(ErrorCode.USER_IS_NOT_AUTHORIZED));
        UploadRequest request = uploads.lockInAccount(requestId, caller.accountId())
                .orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_REQUEST_ID));
        refuseIfNotAccepting(request, now);
        // the cap holds at the upload too, not only when the URL is given: URLs asked for in
        // advance would otherwise queue any number of files; the request keeps its window
        ActiveUploadCap.refuseIfReached(uploads, settings, caller.accountId(), AGAIN_LATER);
        try {
            Files.move(file.storedAt(), storage.upload(request.requestId()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        request.fileUploaded(file.fileName(), file.contentType(), file.charset(), file.declaredFormat(), file.bytes(), now);
        importQueue.fileWaiting(request.requestId());
        metrics.filesWaiting(uploads.countWaitingImports());
    }

    /**
     * Opens a request and hands it its file, in one transaction: the request, the stored file and
     * the import message exist together or not at all. A ClientRequestToken seen within 24 hours
     * gives back that earlier request and leaves its file as it was.
     */
    public OpenedRequest submit(CallerContext caller, OpenRequestCommand command, Protocol protocol, UploadedFile file) {
        OpenedRequest opened = requests.open(caller, command, protocol);
        if (!opened.earlier()) {
            accept(caller, opened.requestId(), file);
        }
        return opened;
    }

    /**
     * Opens a request whose file the server downloads from {@code fileUrl} (Alibaba's
     * BatchUploadCustomerManagement), and queues the download, in one transaction; the answer
     * comes before anything is fetched. {@code fileName} says the file's format (§5). A URL the
     * policy refuses on sight (scheme, form) is refused here (3241); one it refuses only when it
     * resolves fails the request later, with its reason (3218).
     */
    public OpenedRequest submitRemote(CallerContext caller, OpenRequestCommand command, Protocol protocol, String fileUrl, String fileName) {
        try {
            remoteFiles.checkUrl(fileUrl);
        } catch (RemoteFiles.DownloadFailed e) {
            throw new BulkApiException(ErrorCode.INVALID_PARAMETER, e.getMessage());
        }
        String name = fileName == null ? "" : fileName.trim();
        if (!name.toLowerCase(java.util.Locale.ROOT).matches(".+\\.(csv|tsv|tab|ssv|xlsx|zip|gz)") || name.length() > 255
                || name.chars().anyMatch(c -> c < 0x20)) {
            throw new BulkApiException(ErrorCode.INVALID_PARAMETER,
                    "FileName must name the file's format: .csv, .tsv, .ssv, .xlsx, or one of them in .zip or .gz.");
        }
        OpenedRequest opened = requests.open(caller, command, protocol);
        if (!opened.earlier()) {
            UploadRequest request = uploads.findInAccount(opened.requestId(), caller.accountId()).orElseThrow();
            request.awaitRemoteFile(sealer.seal(fileUrl.trim(), request.requestId()), name, clock.now());
            importQueue.enqueueDownload(request.requestId(), request.accountId());
        }
        return opened;
    }

    /** What a node needs to download a request's file, once it has claimed the download (claim: its lease's number). */
    public record ClaimedDownload(String requestId, int claim, String fileUrl, String fileName, CallerContext caller,
                                  boolean waitedForStorage) {
    }

    /** Claims the download of the request's file (see {@link UploadRequest#claimDownload}); empty if there is nothing to do here. */
    public java.util.Optional<ClaimedDownload> claimDownload(String requestId) {
        Instant now = clock.now();
        return uploads.find(requestId)
                .filter(request -> request.claimDownload(now, now.minus(settings.stuckImportAfter())))
                .map(request -> new ClaimedDownload(request.requestId(), request.remoteFetch().claim(),
                        sealer.open(request.sealedFileUrl(), request.requestId()), request.file().fileName(),
                        new CallerContext(request.clientId(), null, request.accountId()), request.waitedForStorage()));
    }

    /** The download of {@code claim} goes on; false if another node claimed it since, or it is over. */
    public boolean downloadAlive(String requestId, int claim) {
        Instant now = clock.now();
        return uploads.find(requestId).map(request -> request.downloadAlive(claim, now)).orElse(false);
    }

    /**
     * The download of {@code claim} filled the file store: the request keeps waiting for its file
     * (docs/operations.md, "A full disk"). Whether this starts its wait; false as well when another
     * node claimed the download since.
     */
    public boolean downloadWaitsForStorage(String requestId, int claim) {
        return uploads.find(requestId).filter(request -> request.downloadClaimedBy(claim))
                .map(UploadRequest::downloadWaitsForStorage).orElse(false);
    }

    /** The download of {@code claim} failed: the request fails with the reason (3218), unless another node claimed the download since. */
    public void failDownload(String requestId, int claim, String reason) {
        uploads.find(requestId).filter(request -> request.downloadClaimedBy(claim))
                .ifPresent(request -> request.fail(ErrorCode.FILE_DOWNLOAD_FAILED, reason, clock.now()));
    }

    private void check(CallerContext caller, String requestId, Instant now) {
        UploadRequest request = uploads.findInAccount(requestId, caller.accountId())
                .orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_REQUEST_ID));
        refuseIfNotAccepting(request, now);
        ActiveUploadCap.refuseIfReached(uploads, settings, caller.accountId(), AGAIN_LATER);
    }

    private static void refuseIfNotAccepting(UploadRequest request, Instant now) {
        if (request.acceptsFileAt(now)) {
            return;
        }
        boolean expired = (request.status() == RequestStatus.PendingFileUpload)
                || request.errors().stream().anyMatch(e -> e.code() == ErrorCode.UPLOAD_WINDOW_EXPIRED.code());
        if (expired) {
            throw new BulkApiException(ErrorCode.UPLOAD_WINDOW_EXPIRED, "The window closed at " + request.uploadDeadline() + ".");
        }
        throw new BulkApiException(ErrorCode.FILE_ALREADY_UPLOADED);
    }
}
