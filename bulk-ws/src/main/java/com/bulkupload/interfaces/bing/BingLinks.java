package com.bulkupload.interfaces.bing;

import com.bulkupload.application.ResultFileUrls;
import com.bulkupload.application.UploadStatusView;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the two Bing adapters (SOAP and JSON) answer alike beyond the application's status: the
 * absolute UploadUrl, the signed ResultFileUrl, and the row counters as ForwardCompatibilityMap
 * entries. One place, so that SOAP and JSON can never disagree.
 */
public final class BingLinks {

    /** Where the upload adapter takes a request's file ({@code UploadResource}). */
    public static final String UPLOAD_PATH = "/files/uploads/";
    /** Where result files are served ({@code ResultFileResource}). */
    public static final String RESULT_PATH = "/files/results/";

    private final String publicUrl;
    private final ResultFileUrls signer;
    private final Clock clock;

    public BingLinks(String publicUrl, ResultFileUrls signer, Clock clock) {
        this.publicUrl = publicUrl;
        this.signer = signer;
        this.clock = clock;
    }

    public String uploadUrl(String requestId) {
        return publicUrl + UPLOAD_PATH + requestId;
    }

    /** A fresh signed link for every status call (CONTRACT §2: valid 5 minutes); null while there is no result. */
    public String resultFileUrl(UploadStatusView status) {
        if (!status.resultFileAvailable()) {
            return null;
        }
        ResultFileUrls.SignedLink link = signer.sign(status.requestId(), clock.instant());
        return publicUrl + RESULT_PATH + link.requestId() + "?expires=" + link.expires() + "&signature=" + link.signature();
    }

    /** RowsProcessed, RowsFailed, RowsWithWarning as decimal strings, in that order (CONTRACT §2). */
    public static Map<String, String> counters(UploadStatusView status) {
        Map<String, String> counters = new LinkedHashMap<>();
        counters.put("RowsProcessed", Long.toString(status.rowsProcessed()));
        counters.put("RowsFailed", Long.toString(status.rowsFailed()));
        counters.put("RowsWithWarning", Long.toString(status.rowsWithWarning()));
        return counters;
    }
}
