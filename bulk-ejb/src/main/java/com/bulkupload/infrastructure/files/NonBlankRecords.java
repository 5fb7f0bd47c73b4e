package com.bulkupload.infrastructure.files;

import com.bulkupload.application.importing.RecordSink;
import java.util.List;

/**
 * Passes a file's records on, less the blank ones: a record whose every field is empty or white
 * space is no record (CONTRACT §5; Excel writes formatted empty rows as {@code ,,}). It is not
 * counted, not validated and has no result line; the records after it keep their row numbers.
 */
final class NonBlankRecords implements RecordSink {

    private final RecordSink sink;

    NonBlankRecords(RecordSink sink) {
        this.sink = sink;
    }

    @Override
    public void header(List<String> names) {
        sink.header(names);
    }

    @Override
    public void record(long rowNumber, List<String> fields) {
        for (String field : fields) {
            if (field != null && !field.isBlank()) {
                sink.record(rowNumber, fields);
                return;
            }
        }
    }
}
