package com.bulkupload.application;

public record UploadUrlResult(String requestId, String uploadUrl) {
}
