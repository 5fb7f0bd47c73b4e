package com.bulkupload.application;

import com.bulkupload.domain.model.upload.UploadHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a result file (CONTRACT section 6): the columns as uploaded, then Row, Result,
 * CustomerId (unless the file has that column: then it is that column, filled in), ErrorCode, Error.
 */
final class ResultLines {

    private ResultLines() {
    }

    static List<String> header(UploadHeader header) {
        List<String> names = new ArrayList<>(header.names());
        names.add("Row");
        names.add("Result");
        if (header.customerIdIndex() < 0) {
            names.add(UploadHeader.CUSTOMER_ID);
        }
        names.add("ErrorCode");
        names.add("Error");
        return names;
    }

    static List<String> line(UploadHeader header, ImportRow row, ImportSteps.Outcome outcome) {
        List<String> values = new ArrayList<>(header.size() + 5);
        // as uploaded, one value per header column (a row with surplus fields keeps the first ones)
        for (int i = 0; i < header.size(); i++) {
            values.add(i < row.fields().size() ? row.fields().get(i) : "");
        }
        String customerId = outcome.customerId() == null ? "" : outcome.customerId().toString();
        if (header.customerIdIndex() >= 0) {
            if (outcome.customerId() != null) {
                values.set(header.customerIdIndex(), customerId);
            }
        }
        values.add(Long.toString(row.check().rowNumber()));
        values.add(outcome.result().name());
        if (header.customerIdIndex() < 0) {
            values.add(customerId);
        }
        values.add(outcome.error() == null ? "" : outcome.error().errorCode());
        values.add(outcome.reason() == null ? "" : outcome.reason());
        return values;
    }
}
