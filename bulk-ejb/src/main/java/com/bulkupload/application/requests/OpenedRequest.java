package com.bulkupload.application.requests;

/**
 * An upload request just opened, or ({@code earlier}) the one its ClientRequestToken opened within
 * the last 24 hours: what every protocol answers with.
 */
public record OpenedRequest(String requestId, long batchId, boolean earlier) {
}
