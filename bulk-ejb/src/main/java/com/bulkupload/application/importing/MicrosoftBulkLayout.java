package com.bulkupload.application.importing;

import com.bulkupload.domain.model.upload.BulkFileRecords;
import com.bulkupload.domain.model.upload.ResponseMode;
import com.bulkupload.domain.model.upload.RowCheck;
import com.bulkupload.domain.model.upload.RowResult;
import com.bulkupload.domain.model.upload.UploadHeader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * CONTRACT §6 for a bulk file, as Microsoft's service writes it and its SDKs' BulkFileReader
 * reads it: the header as uploaded (with Id, Parent Id, Error and Error Number added if it lacks
 * them), the Format Version record, then each record as uploaded with the ids the server assigned
 * (a list's Id, an item's Parent Id), a failed or skipped record followed by a {@code <Type> Error}
 * record with its Error (our ErrorCode) and Error Number (our code). One instance serves one file:
 * it keeps where that file's columns are.
 */
final class MicrosoftBulkLayout implements ResultLayout {

    private static final List<String> ADDED = List.of(BulkFileRecords.ID, BulkFileRecords.PARENT_ID,
            BulkFileRecords.ERROR, BulkFileRecords.ERROR_NUMBER);

    private UploadHeader uploaded;
    private List<String> names;
    private BulkFileRecords columns;

    @Override
    public List<String> header(UploadHeader header) {
        if (header != uploaded) {
            List<String> all = new ArrayList<>(header.names());
            BulkFileRecords records = new BulkFileRecords(header.names());
            for (String name : ADDED) {
                if (records.column(name) < 0) {
                    all.add(name);
                }
            }
            names = List.copyOf(all);
            columns = new BulkFileRecords(names);
            uploaded = header;
        }
        return names;
    }

    @Override
    public boolean includes(ImportRow row, RowOutcome outcome, ResponseMode mode) {
        return mode == ResponseMode.ErrorsAndResults || outcome.result() == RowResult.Failed || outcome.isWarning()
                || row.check() instanceof RowCheck.FormatVersion;
    }

    @Override
    public List<List<String>> lines(UploadHeader header, ImportRow row, RowOutcome outcome) {
        int width = header(header).size();
        List<String> record = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            record.add(i < row.fields().size() && i < header.size() ? row.fields().get(i) : "");
        }
        if (outcome.listId() != null) {
            String idColumn = row.check() instanceof RowCheck.ListRecord ? BulkFileRecords.ID : BulkFileRecords.PARENT_ID;
            record.set(columns.column(idColumn), outcome.listId().toString());
        }
        if (outcome.error() == null) {
            return List.of(record);
        }
        List<String> error = new ArrayList<>(Collections.nCopies(width, ""));
        int type = columns.column(BulkFileRecords.TYPE);
        String recordType = record.get(type) == null ? "" : record.get(type).trim();
        error.set(type, recordType.isEmpty() ? "Error" : recordType + " Error");
        for (String echoed : List.of(BulkFileRecords.ID, BulkFileRecords.PARENT_ID, BulkFileRecords.CLIENT_ID)) {
            int column = columns.column(echoed);
            if (column >= 0) {
                error.set(column, record.get(column));
            }
        }
        error.set(columns.column(BulkFileRecords.ERROR), outcome.error().errorCode());
        error.set(columns.column(BulkFileRecords.ERROR_NUMBER), Integer.toString(outcome.error().code()));
        return List.of(record, error);
    }

    @Override
    public Columns columns(List<String> headerLine) {
        throw new UnsupportedOperationException("a bulk result file has no row columns");
    }
}
