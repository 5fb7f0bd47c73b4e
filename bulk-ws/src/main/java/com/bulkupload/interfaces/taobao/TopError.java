package com.bulkupload.interfaces.taobao;

/** A refusal in TOP's own terms: its numeric code and message, and for business errors an {@code isv.*} sub code. */
final class TopError extends RuntimeException {

    final String code;
    final String subCode;
    final String subMessage;

    TopError(String code, String message, String subCode, String subMessage) {
        super(message, null, false, false);
        this.code = code;
        this.subCode = subCode;
        this.subMessage = subMessage;
    }

    static TopError missing(String code, String what) {
        return new TopError(code, "Missing " + what, null, null);
    }

    static TopError invalidParameter(String subMessage) {
        return new TopError("41", "Invalid arguments", "isv.invalid-parameter", subMessage);
    }
}
