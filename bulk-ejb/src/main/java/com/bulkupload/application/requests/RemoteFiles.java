package com.bulkupload.application.requests;

import java.nio.file.Path;

/**
 * Downloads a file a client named by URL (Alibaba's FileUrl), implemented by
 * {@code infrastructure.fetch} under the server's URL policy (CONTRACT §10): http and https only,
 * public addresses only unless the host is allowed, every redirect checked, timeouts, the size
 * limit counted while streaming.
 */
public interface RemoteFiles {

    /** Why a download failed, in words for the client (never the URL's secrets, never a stack trace). */
    final class DownloadFailed extends Exception {
        public DownloadFailed(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Refuses, before anything is sent, a URL the policy can tell is not allowed (scheme, form). */
    void checkUrl(String url) throws DownloadFailed;

    /**
     * Streams the file at {@code url} to {@code target}; returns its size in bytes. {@code alive}
     * is called as each block of bytes arrives (the caller keeps its download's lease with it, at
     * its own pace); a runtime exception it throws stops the download and is thrown on.
     */
    long download(String url, Path target, Runnable alive) throws DownloadFailed;
}
