package com.bulkupload.application;

/** An upload request just opened (or found again by its ClientRequestToken): what every protocol answers with. */
public record OpenedRequest(String requestId) {
}
