package com.bulkupload.interfaces.marketo;

/**
 * A refusal only Marketo's wire has a code for (600: no token at all, 612: not a multipart body,
 * 1003: a parameter of its own spelled wrong); every other refusal is an error of our table,
 * which {@link MarketoErrorMapper} translates.
 */
final class MarketoRefusal extends RuntimeException {

    private final String code;

    MarketoRefusal(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
