package com.bulkupload.application.importing;

import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.upload.RowResult;

/**
 * What became of one row: its result, the customer's id, for failures and warnings why, and for a
 * bulk file's list and item records the id of their list.
 */
public record RowOutcome(RowResult result, Long customerId, ErrorCode error, String reason, Long listId) {

    public RowOutcome(RowResult result, Long customerId, ErrorCode error, String reason) {
        this(result, customerId, error, reason, null);
    }

    public static RowOutcome failed(ErrorCode error, String reason) {
        return new RowOutcome(RowResult.Failed, null, error, reason);
    }

    public boolean isWarning() {
        return result == RowResult.Skipped;
    }
}
