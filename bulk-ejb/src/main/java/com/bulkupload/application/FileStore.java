package com.bulkupload.application;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where uploaded files and result files are kept, by RequestId (implemented in
 * {@code infrastructure.files}). Several nodes must see the same store: any node may import a file
 * another received, or serve a result another wrote.
 */
public interface FileStore {

    /** The stored upload of the request (it may not exist yet). */
    Path upload(String requestId);

    /**
     * The result file one claim of the request's import writes (it may not exist yet): each claim
     * has its own, so an importer that was taken over never touches the one that is read (the
     * request's {@code resultClaim}). Claim 0 is the file of a request imported before claims.
     */
    Path result(String requestId, int claim);

    /** A fresh file in the work directory, for an upload in transit or an extracted archive entry. */
    Path newWorkFile(String prefix) throws IOException;

    Path workDirectory();

    /** The bytes the store can still take (the file system's usable space for this process). */
    long usableBytes() throws IOException;

    /**
     * Deletes the work files last written before {@code before}: what a node killed during an
     * upload, a download or an extraction left behind. A live one is written to as it goes (and a
     * file still open or mapped stays readable once deleted), so the age is the only test needed.
     *
     * @return how many were deleted
     */
    int deleteWorkFilesOlderThan(java.time.Instant before) throws IOException;
}
