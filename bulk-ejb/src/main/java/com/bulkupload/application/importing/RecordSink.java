package com.bulkupload.application.importing;

import java.util.List;

/** Receives a tabular file's header, then its records in file order, as the readers push them. */
public interface RecordSink {

    void header(List<String> names);

    /**
     * @param rowNumber the record's row as a spreadsheet shows it (the header is row 1)
     * @param fields    the record's fields, as many as the file has for it
     */
    void record(long rowNumber, List<String> fields);
}
