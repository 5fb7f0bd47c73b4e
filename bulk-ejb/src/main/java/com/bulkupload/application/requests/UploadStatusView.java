package com.bulkupload.application.requests;

import com.bulkupload.domain.model.upload.RequestStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The status of one upload request in domain terms: each protocol turns it into its own answer
 * (Bing's five elements, Marketo's batch, Alibaba's task) by an exhaustive switch over
 * {@link RequestStatus}, and builds its own result links. What to tell a client about why a
 * request failed is decided once, here ({@link #failure}).
 */
public record UploadStatusView(String requestId, long batchId, RequestStatus requestStatus, int percentComplete,
                               long rowsProcessed, long rowsFailed, long rowsWithWarning,
                               List<OperationErrorView> errors, boolean resultFileAvailable, boolean downloading) {

    /** The first error that is not a warning: the reason to show for a request that failed; empty when there is none. */
    public Optional<OperationErrorView> failure() {
        return errors.stream().filter(error -> !error.isWarning()).findFirst();
    }

    /** RowsProcessed, RowsFailed, RowsWithWarning as decimal strings, in that order (CONTRACT §2's counters). */
    public Map<String, String> counters() {
        Map<String, String> counters = new LinkedHashMap<>();
        counters.put("RowsProcessed", Long.toString(rowsProcessed));
        counters.put("RowsFailed", Long.toString(rowsFailed));
        counters.put("RowsWithWarning", Long.toString(rowsWithWarning));
        return counters;
    }
}
