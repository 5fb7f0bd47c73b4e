package com.bulkupload.application.importing;

import com.bulkupload.domain.model.customer.LookupField;
import com.bulkupload.domain.model.customer.ColumnMappings;
import com.bulkupload.domain.model.upload.ResultFileLayout;
import com.bulkupload.domain.model.upload.RowCheck;
import com.bulkupload.domain.model.upload.RowValidator;
import com.bulkupload.domain.model.upload.UploadHeader;
import java.util.List;
import java.util.Optional;

/**
 * The processor of a file of our own columns: the header row becomes an {@link UploadHeader} (or
 * the file fails, 3211), and every record an {@link ImportRow} with what validation made of it.
 */
public final class RowProcessor implements RecordProcessor {

    private final UploadHeader header;
    private final RowValidator validator;

    public RowProcessor(List<String> headerNames, LookupField lookupField) {
        this(headerNames, lookupField, ColumnMappings.NONE);
    }

    public RowProcessor(List<String> headerNames, LookupField lookupField, ColumnMappings mappings) {
        this.header = header(headerNames, mappings);
        this.validator = new RowValidator(header, lookupField);
    }

    /** The header row as the import understands it; a header that cannot be one fails the file. */
    public static UploadHeader header(List<String> names, ColumnMappings mappings) {
        try {
            return UploadHeader.of(names, mappings);
        } catch (UploadHeader.Unusable e) {
            throw new UploadFileException(e.error(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw UploadFileException.unsupported(e.getMessage());
        }
    }

    @Override
    public UploadHeader header() {
        return header;
    }

    @Override
    public ResultFileLayout resultLayout() {
        return ResultFileLayout.Rows;
    }

    @Override
    public Optional<String> headerWarning() {
        return header.ignoredColumnsWarning();
    }

    @Override
    public ImportRow process(long rowNumber, List<String> fields) {
        RowCheck check = validator.check(rowNumber, fields);
        // a row wider than its header keeps only the header's columns, all its result line shows:
        // a line of a million delimiters is a million fields, held until its chunk is written
        List<String> kept = fields.size() > header.size() ? fields.subList(0, header.size()) : fields;
        return new ImportRow(List.copyOf(kept), check);
    }
}
