package com.bulkupload.application.importing;

import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.upload.BulkFileRecords;
import com.bulkupload.domain.model.upload.ResultFileLayout;
import com.bulkupload.domain.model.upload.UploadHeader;
import java.util.List;
import java.util.Optional;

/**
 * The processor of a file in Microsoft's bulk format (CONTRACT §5): its records become list
 * records, list items and the format version, or fail alone; a format version other than 6.0
 * fails the whole file with 3220 before anything is imported.
 */
final class BulkRecordProcessor implements RecordProcessor {

    private final UploadHeader header;
    private final BulkFileRecords records;

    BulkRecordProcessor(List<String> headerNames) {
        try {
            this.header = UploadHeader.asUploaded(headerNames);
        } catch (IllegalArgumentException e) {
            throw UploadFileException.unsupported(e.getMessage());
        }
        this.records = new BulkFileRecords(headerNames);
    }

    @Override
    public UploadHeader header() {
        return header;
    }

    @Override
    public void checkFirstRecord(List<String> fields) {
        String problem = records.formatVersionProblem(fields);
        if (problem != null) {
            throw new UploadFileException(ErrorCode.BULK_FORMAT_VERSION_NOT_SUPPORTED, problem);
        }
    }

    @Override
    public ImportRow process(long rowNumber, List<String> fields) {
        List<String> kept = fields.size() > header.size() ? fields.subList(0, header.size()) : fields;
        return new ImportRow(List.copyOf(kept), records.check(rowNumber, fields));
    }

    @Override
    public void skip(long rowNumber, List<String> fields) {
        records.skip(rowNumber, fields);
    }

    @Override
    public ResultFileLayout resultLayout() {
        return ResultFileLayout.MicrosoftBulk;
    }

    @Override
    public Optional<String> headerWarning() {
        return Optional.empty();
    }
}
