package com.bulkupload.interfaces.web;

import com.bulkupload.application.identity.ResultFileUrls;
import com.bulkupload.application.requests.UploadStatusView;
import java.time.Clock;

/**
 * The absolute links every adapter hands out: a request's UploadUrl and its signed ResultFileUrl.
 * One place, so that no two protocols can disagree.
 */
public final class ResultLinks {

    /** Where the upload adapter takes a request's file ({@code UploadResource}). */
    public static final String UPLOAD_PATH = "/files/uploads/";
    /** Where result files are served ({@code ResultFileResource}). */
    public static final String RESULT_PATH = "/files/results/";

    private final String publicUrl;
    private final ResultFileUrls signer;
    private final Clock clock;

    public ResultLinks(String publicUrl, ResultFileUrls signer, Clock clock) {
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
}
