package com.bulkupload.application.importing;

import com.bulkupload.domain.model.upload.ResponseMode;
import com.bulkupload.domain.model.upload.ResultFileLayout;
import com.bulkupload.domain.model.upload.RowResult;
import com.bulkupload.domain.model.upload.UploadHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * How a request's result file is laid out (CONTRACT §6), chosen by what the client uploaded: our
 * CSV for a file of our columns, Microsoft's bulk format for a bulk file. Marketo's failures and
 * warnings files are read back from the CSV layout ({@code reports.RowReportService}).
 */
public interface ResultLayout {

    List<String> header(UploadHeader header);

    /** Whether the row has lines in the result file at all (ErrorsOnly keeps failures and warnings). */
    boolean includes(ImportRow row, RowOutcome outcome, ResponseMode mode);

    /** The row's lines: one, or for a failed bulk record, the record and its error record. */
    List<List<String>> lines(UploadHeader header, ImportRow row, RowOutcome outcome);

    /** Where a result file of this layout keeps what it says of each row, read from its header line (the CSV layout only). */
    Columns columns(List<String> headerLine);

    /**
     * @param uploaded how many leading columns are the uploaded ones, as uploaded
     * @param result   the column of the row's {@link com.bulkupload.domain.model.upload.RowResult}
     * @param error    the column of the reason a row failed or was skipped
     */
    record Columns(int uploaded, int result, int error) {
    }

    /** The layout; the bulk one is made for one file at a time (it keeps where that file's columns are). */
    static ResultLayout of(ResultFileLayout layout) {
        return switch (layout) {
            case Rows -> BING_CSV;
            case MicrosoftBulk -> new MicrosoftBulkLayout();
        };
    }

    /**
     * CONTRACT §6: the columns as uploaded, then Row, Result, CustomerId (unless the file has that
     * column: then it is that column, filled in), ErrorCode, Error.
     */
    ResultLayout BING_CSV = new ResultLayout() {
        @Override
        public List<String> header(UploadHeader header) {
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

        @Override
        public boolean includes(ImportRow row, RowOutcome outcome, ResponseMode mode) {
            return mode == ResponseMode.ErrorsAndResults || outcome.result() == RowResult.Failed || outcome.isWarning();
        }

        @Override
        public List<List<String>> lines(UploadHeader header, ImportRow row, RowOutcome outcome) {
            List<String> values = new ArrayList<>(header.size() + 5);
            // as uploaded, one value per header column (a row with surplus fields keeps the first ones)
            for (int i = 0; i < header.size(); i++) {
                values.add(i < row.fields().size() ? row.fields().get(i) : "");
            }
            String customerId = outcome.customerId() == null ? "" : outcome.customerId().toString();
            if (header.customerIdIndex() >= 0 && outcome.customerId() != null) {
                values.set(header.customerIdIndex(), customerId);
            }
            values.add(Long.toString(row.check().rowNumber()));
            values.add(outcome.result().name());
            if (header.customerIdIndex() < 0) {
                values.add(customerId);
            }
            values.add(outcome.error() == null ? "" : outcome.error().errorCode());
            values.add(outcome.reason() == null ? "" : outcome.reason());
            return List.of(values);
        }

        @Override
        public Columns columns(List<String> headerLine) {
            // the line ends Row, Result, CustomerId, ErrorCode, Error, or, when the upload had its
            // own CustomerId column, Row, Result, ErrorCode, Error: third from the end tells which
            int n = headerLine.size();
            if (n < 4) {
                throw new IllegalArgumentException("not a result file header: " + n + " columns");
            }
            int trailing = UploadHeader.CUSTOMER_ID.equals(headerLine.get(n - 3)) ? 5 : 4;
            return new Columns(n - trailing, n - trailing + 1, n - 1);
        }
    };
}
