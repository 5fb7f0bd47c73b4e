package com.bulkupload.domain.model.upload;

/** How a request's result file is laid out, decided by what the client uploaded (CONTRACT §6). */
public enum ResultFileLayout {
    /** The columns as uploaded, then Row, Result, CustomerId, ErrorCode, Error. */
    Rows,
    /** Microsoft's bulk format: the records as uploaded with the ids the server assigned, each failure followed by its error record. */
    MicrosoftBulk
}
