package com.bulkupload.domain.model.upload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface UploadRequestRepository {

    void store(UploadRequest request);

    /** The next server-wide batchId: from a sequence, never given twice. */
    long nextBatchId();

    /** The request with that batchId, only if it belongs to the account. */
    Optional<UploadRequest> findByBatchIdInAccount(long batchId, Long accountId);

    /** The request, only if it belongs to the account; another account's request is never returned. */
    Optional<UploadRequest> findInAccount(String requestId, Long accountId);

    /**
     * What a status call answers about the request, only if it belongs to the account: one query,
     * the request is not loaded (nor kept in a persistence context).
     */
    Optional<UploadStatusSnapshot> statusInAccount(String requestId, Long accountId);

    /** As {@link #statusInAccount}, for the request with that batchId. */
    Optional<UploadStatusSnapshot> statusOfBatchInAccount(long batchId, Long accountId);

    /** As {@link #findInAccount}, locking the row until the transaction ends. */
    Optional<UploadRequest> lockInAccount(String requestId, Long accountId);

    /** Any account's request: for the importer and the timers, never for a client's call. */
    Optional<UploadRequest> find(String requestId);

    /** As {@link #find}, locking the row until the transaction ends: for the importer and the timers only. */
    Optional<UploadRequest> lock(String requestId);

    /**
     * The request whose turn it is to import, if any: FileUploaded, of an account with no import
     * InProgress, from the account whose last import started longest ago (an account that never
     * imported first); within the account the file uploaded first. Round robin over the accounts
     * with work, first come first served within each, on every node (the order is read from the
     * shared database).
     */
    Optional<String> nextImportInTurn();

    /** Requests FileUploaded: files waiting for an import slot. */
    long countWaitingImports();

    /** Whether a request into the list is FileUploaded or InProgress: an import of it is coming or running. */
    boolean hasActiveImportInto(Long listId);

    /** Requests FileUploaded or InProgress whose last sign of life is older than the instant. */
    List<UploadRequest> findStalledImports(Instant before, int max);

    /** FileUrl downloads still waiting for their file, inside their window, whose node has said nothing since {@code before}. */
    List<UploadRequest> findAbandonedDownloads(Instant before, Instant now, int max);

    /** Finished requests whose files are older than the instant and still on disk. */
    List<UploadRequest> findWithFilesOlderThan(Instant before, int max);

    /** Deletes requests created before the instant (and their errors); returns how many. */
    int deleteCreatedBefore(Instant before);

    Optional<UploadRequest> findByClientRequestToken(Long accountId, String clientRequestToken);

    long countActiveInAccount(Long accountId);

    /** Whether a request of the account is being imported (InProgress). */
    boolean hasImportRunning(Long accountId);

    /** Where a page of an account's requests ends: the next page starts after this request. */
    record PageAfter(Instant createdAt, String requestId) {
    }

    /** The account's requests, newest first, optionally only those of one status: at most {@code max}, after {@code after}. */
    List<UploadRequest> pageInAccount(Long accountId, RequestStatus status, PageAfter after, int max);

    /** Pending requests whose upload window closed before {@code now}. */
    List<UploadRequest> findPendingPastDeadline(Instant now, int max);
}
