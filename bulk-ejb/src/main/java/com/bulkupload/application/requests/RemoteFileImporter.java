package com.bulkupload.application.requests;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.FileStore;
import com.bulkupload.application.Pulse;
import com.bulkupload.application.StorageFull;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Downloads the file a request names by URL, then hands it over as if it had been uploaded
 * ({@link FileSubmissionService#accept}: stored, FileUploaded and queued for import in one
 * transaction). No transaction while downloading: a download may take as long as its timeouts
 * allow. A failed download fails the request with its reason; a node dying mid-download leaves
 * the message to be redelivered, and the download is taken over once it looks abandoned.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RemoteFileImporter {

    private static final Logger LOG = Logger.getLogger(RemoteFileImporter.class.getName());

    @EJB
    FileSubmissionService files;

    @Inject
    RemoteFiles remoteFiles;

    @Inject
    FileStore storage;

    public void download(String requestId) throws IOException {
        FileSubmissionService.ClaimedDownload claimed = files.claimDownload(requestId).orElse(null);
        if (claimed == null) {
            LOG.fine(() -> "Download of " + requestId + " is done or running elsewhere; message dropped");
            return;
        }
        Path work = storage.newWorkFile("download-");
        try {
            Pulse lease = new Pulse(() -> {
                if (!files.downloadAlive(requestId, claimed.claim())) {
                    throw new DownloadTakenOver();
                }
            });
            long bytes = remoteFiles.download(claimed.fileUrl(), work, lease::beat);
            files.accept(claimed.caller(), requestId, new UploadedFile(work, claimed.fileName(), null, null, null, bytes));
            LOG.info(() -> "Downloaded the file of " + requestId + " (" + bytes + " bytes)" + (claimed.waitedForStorage() ? " after waiting for space" : ""));
        } catch (RemoteFiles.DownloadFailed e) {
            LOG.info(() -> "Download of the file of " + requestId + " failed: " + e.getMessage());
            files.failDownload(requestId, claimed.claim(), e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            if (!StorageFull.in(e)) {
                throw e;
            }
            // the store is full: the request keeps waiting for its file; its lease runs out and the
            // stalled-import timer queues the download again (docs/operations.md, "A full disk").
            // One WARN when the wait starts, not one per try.
            if (files.downloadWaitsForStorage(requestId, claimed.claim())) {
                LOG.warning(() -> "Download of the file of " + requestId + " waits: the file store is full; it is tried again after its lease"
                        + " until there is space");
            }
        } catch (DownloadTakenOver e) {
            LOG.warning(() -> "Download of the file of " + requestId + " stops here: another node claimed it (claim "
                    + claimed.claim() + " was silent past its lease)");
        } catch (BulkApiException e) {
            // the account's cap, or the window closed while downloading: the request says so
            files.failDownload(requestId, claimed.claim(),
                    e.error().errorCode() + ": " + (e.details() != null ? e.details() : e.error().message()));
        } finally {
            Files.deleteIfExists(work);
        }
    }

    /** This node's claim of the download is no longer the current one: the new owner finishes it. */
    private static final class DownloadTakenOver extends RuntimeException {
        DownloadTakenOver() {
            super(null, null, false, false);
        }
    }
}
