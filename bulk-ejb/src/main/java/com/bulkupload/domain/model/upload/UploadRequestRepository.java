package com.bulkupload.domain.model.upload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface UploadRequestRepository {

    void store(UploadRequest request);

    /** The request, only if it belongs to the account; another account's request is never returned. */
    Optional<UploadRequest> findInAccount(String requestId, Long accountId);

    Optional<UploadRequest> findByClientRequestToken(Long accountId, String clientRequestToken);

    long countActiveInAccount(Long accountId);

    /** Pending requests whose upload window closed before {@code now}. */
    List<UploadRequest> findPendingPastDeadline(Instant now, int max);
}
