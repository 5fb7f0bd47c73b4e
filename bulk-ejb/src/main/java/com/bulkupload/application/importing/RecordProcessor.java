package com.bulkupload.application.importing;

import com.bulkupload.domain.model.customer.LookupField;
import com.bulkupload.domain.model.upload.BulkFileRecords;
import com.bulkupload.domain.model.customer.ColumnMappings;
import com.bulkupload.domain.model.upload.ResultFileLayout;
import com.bulkupload.domain.model.upload.UploadHeader;
import java.util.List;
import java.util.Optional;

/**
 * The processor of the import pipeline: turns each record of the file into an {@link ImportRow}
 * with what validation made of it. Which one reads a file is told by its header: a bulk file
 * (a {@code Type} column) gets {@link BulkRecordProcessor}, any other {@link RowProcessor}.
 */
public interface RecordProcessor {

    /** @param mappings the client's explicit column mappings (a bulk file's columns are Microsoft's: they do not apply) */
    static RecordProcessor forHeader(List<String> headerNames, LookupField lookupField, ColumnMappings mappings) {
        return BulkFileRecords.isBulkFile(headerNames)
                ? new BulkRecordProcessor(headerNames)
                : new RowProcessor(headerNames, lookupField, mappings);
    }

    /** The header row, as uploaded and as the import understands it. */
    UploadHeader header();

    /** Checks the file's first record before anything is imported; a file that cannot be imported fails here. */
    default void checkFirstRecord(List<String> fields) {
    }

    ImportRow process(long rowNumber, List<String> fields);

    /** A record an earlier run of the import committed goes by (a resumed import reads the file from its start). */
    default void skip(long rowNumber, List<String> fields) {
    }

    ResultFileLayout resultLayout();

    /** The warning the request records once about the header (ignored columns), if any. */
    Optional<String> headerWarning();
}
