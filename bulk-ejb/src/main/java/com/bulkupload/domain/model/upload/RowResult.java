package com.bulkupload.domain.model.upload;

/** What became of one row, as the result file's Result column says it. */
public enum RowResult {
    Inserted,
    Updated,
    Deleted,
    /** A warning: a Delete, or an update by Id, whose key is not in the list. */
    Skipped,
    Failed
}
