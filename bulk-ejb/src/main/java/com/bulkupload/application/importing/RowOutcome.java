package com.bulkupload.application.importing;

import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.upload.RowResult;

/** What became of one row: its result, the customer's id, and for failures and warnings why. */
public record RowOutcome(RowResult result, Long customerId, ErrorCode error, String reason) {

    public static RowOutcome failed(ErrorCode error, String reason) {
        return new RowOutcome(RowResult.Failed, null, error, reason);
    }

    public boolean isWarning() {
        return result == RowResult.Skipped;
    }
}
