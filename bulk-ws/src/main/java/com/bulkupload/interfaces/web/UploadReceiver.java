package com.bulkupload.interfaces.web;

import com.bulkupload.application.FileStore;
import com.bulkupload.application.StorageFull;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The one place an uploaded multipart file is received, for every protocol that takes one: a
 * work file in the store, a pass through the {@link UploadGate}, the body streamed by
 * {@link MultipartUpload}, the protocol's own step with the file, and the work file removed
 * whatever happened (a submitted file has been moved to its request's place by then).
 */
public final class UploadReceiver {

    /** What a protocol does with the received file and fields while the work file exists. */
    @FunctionalInterface
    public interface Step<T> {
        T take(MultipartUpload.Received received) throws IOException;
    }

    private final FileStore storage;
    private final long maxBytes;
    private final long minFreeBytes;
    private final UploadGate gate;

    public UploadReceiver(FileStore storage, long maxBytes, long minFreeBytes, UploadGate gate) {
        this.storage = storage;
        this.maxBytes = maxBytes;
        this.minFreeBytes = minFreeBytes;
        this.gate = gate;
    }

    /**
     * @param accountId  the caller's account when it is known before the body is read (else null)
     * @param fieldNames the form fields the protocol reads besides the file
     */
    public <T> T receive(String workPrefix, Long accountId, HttpServletRequest request, HttpServletResponse response,
                         Set<String> fieldNames, Step<T> step) throws IOException {
        return receive(workPrefix, accountId, request, response, fieldNames, 0, step);
    }

    /** As {@link #receive}, keeping only a text file's first lines: see {@link MultipartUpload#receive(HttpServletRequest, Path, long, Set, long)}. */
    public <T> T receivePrefix(String workPrefix, Long accountId, HttpServletRequest request, HttpServletResponse response,
                               Set<String> fieldNames, long prefixBytes, Step<T> step) throws IOException {
        return receive(workPrefix, accountId, request, response, fieldNames, prefixBytes, step);
    }

    private <T> T receive(String workPrefix, Long accountId, HttpServletRequest request, HttpServletResponse response,
                          Set<String> fieldNames, long prefixBytes, Step<T> step) throws IOException {
        Path work = null;
        try (UploadGate.Pass pass = gate.admit(accountId, request, response)) {
            refuseUnlessRoomFor(request.getContentLengthLong());
            work = storage.newWorkFile(workPrefix);
            // a store that fills while the body streams fails the write with ENOSPC, which every
            // protocol's mapper answers as 3224 (Failures.classify)
            return step.take(MultipartUpload.receive(pass.request(), work, maxBytes, fieldNames, prefixBytes));
        } finally {
            if (work != null) {
                Files.deleteIfExists(work);
            }
        }
    }

    /**
     * Refuses at once, before a byte of the body is read (the pass leaves it unread), an upload
     * whose declared length would leave the store less than its reserve; one of unknown length
     * needs the reserve free. The check is a snapshot: an upload that still fills the store is
     * refused the same way when its write fails.
     */
    private void refuseUnlessRoomFor(long declaredLength) throws IOException {
        long free = storage.usableBytes();
        if (Math.max(0, declaredLength) + minFreeBytes > free) {
            throw StorageFull.refusal("The file store has " + free / (1024 * 1024) + " MiB free, too little for this file and the reserve of "
                    + minFreeBytes / (1024 * 1024) + " MiB the running imports need: send it again later.");
        }
    }
}
