package com.bulkupload.application.requests;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.BulkSettings;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.upload.UploadRequestRepository;

/**
 * The cap on an account's queued and running imports (3202, {@code BULK_MAX_ACTIVE_UPLOADS}),
 * checked where a request could add one: when its URL is given and when its file arrives. The
 * deciding checks run under the account's lock, so two twin calls cannot both pass; the upload's
 * early check, before the body is read, only spares the client a useless transfer.
 */
final class ActiveUploadCap {

    private ActiveUploadCap() {
    }

    /** @param advice what the client should do, appended to the error's details */
    static void refuseIfReached(UploadRequestRepository uploads, BulkSettings settings, Long accountId, String advice) {
        if (uploads.countActiveInAccount(accountId) >= settings.maxActiveUploadsPerAccount()) {
            throw new BulkApiException(ErrorCode.TOO_MANY_ACTIVE_UPLOADS,
                    "At most " + settings.maxActiveUploadsPerAccount() + " uploads may be queued or in progress" + advice);
        }
    }
}
