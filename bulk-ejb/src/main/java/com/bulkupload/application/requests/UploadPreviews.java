package com.bulkupload.application.requests;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.CallerContext;
import com.bulkupload.application.importing.RecordSink;
import com.bulkupload.application.importing.UploadFileException;
import com.bulkupload.application.importing.UploadFiles;
import com.bulkupload.domain.model.customer.ColumnMappings;
import com.bulkupload.domain.model.customer.ColumnNames;
import com.bulkupload.domain.model.customer.CustomerList;
import com.bulkupload.domain.model.customer.CustomerListRepository;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.tenant.TenantRepository;
import com.bulkupload.domain.model.upload.TextFormat;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The preview before an import (docs/columns.md): how the server reads a file — its format, its
 * header, its first rows, and for each column the field it resolves to and why — without storing
 * or importing anything. Reading stops after {@value #ROWS} records.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class UploadPreviews {

    static final int ROWS = 5;

    @Inject
    UploadFiles uploadFiles;

    @Inject
    CustomerListRepository lists;

    @Inject
    TenantRepository tenants;

    /** One header cell: the column it means (null: ignored), and why: mapping, list default, exact, alias, ignored or unrecognised. */
    public record Column(String header, String field, String resolvedBy) {
    }

    /**
     * @param readFormat the delimited format the file would be read as (null: a workbook)
     * @param encoding   the encoding its text is read in, or for an undeclared file that is not UTF-8 the one it
     *                   looks like, which the rows were read in (null: a workbook)
     * @param fields     every field a column may be mapped to, in the order docs/columns.md lists them
     */
    public record Preview(String format, TextFormat readFormat, UploadFiles.Encoding encoding, List<Column> columns,
                          List<List<String>> rows, List<String> fields) {
    }

    /** @param listId the list the file would go to (its default mappings apply), null for the account's default list */
    public Preview preview(CallerContext caller, UploadedFile file, Long listId, Map<String, String> requestMappings) {
        ColumnMappings own = UploadRequestService.columnMappings(requestMappings);
        Long target = listId != null ? listId : tenants.findAccount(caller.accountId()).orElseThrow().defaultListId();
        ColumnMappings listDefault = lists.findInAccount(target, caller.accountId()).map(CustomerList::columnMappings)
                .orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_CUSTOMER_LIST));
        ColumnMappings mappings = own.isEmpty() ? listDefault : own;
        String how = own.isEmpty() ? "ListDefault" : "Mapping";
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        String format;
        TextFormat readFormat;
        UploadFiles.Encoding encoding;
        try {
            UploadFiles.OpenedFile opened = open(file, file.charset());
            try {
                encoding = opened.encoding();
                if (encoding != null && encoding.source() == UploadFiles.Encoding.Source.GUESSED) {
                    // an undeclared file that is not UTF-8 is shown as it looks like it is meant: the
                    // person sees readable rows and which charset to name; the upload itself never guesses
                    opened.close();
                    opened = open(file, encoding.charset());
                }
                format = opened.describe();
                readFormat = opened.textFormat();
                readFirstRows(opened, header, rows);
            } finally {
                opened.close();
            }
        } catch (UploadFileException e) {
            throw new BulkApiException(e.error(), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Column> columns = new ArrayList<>();
        for (String cell : header) {
            Optional<Optional<ColumnNames.Column>> mapped = mappings.of(cell);
            if (mapped.isPresent()) {
                columns.add(new Column(cell, mapped.get().map(Enum::name).orElse(null), mapped.get().isPresent() ? how : "Ignored"));
                continue;
            }
            Optional<ColumnNames.Column> recognised = ColumnNames.recognise(cell);
            columns.add(new Column(cell, recognised.map(Enum::name).orElse(null), recognised
                    .map(c -> ColumnNames.normalise(cell).equals(ColumnNames.normalise(c.name())) ? "Exact" : "Alias")
                    .orElse("Unrecognised")));
        }
        return new Preview(format, readFormat, encoding, columns, rows, ColumnNames.fieldNames());
    }

    /** The header and the first {@value #ROWS} records. */
    private static void readFirstRows(UploadFiles.OpenedFile opened, List<String> header, List<List<String>> rows) throws IOException {
        try {
            opened.read(new RecordSink() {
                @Override
                public void header(List<String> names) {
                    header.addAll(names);
                }

                @Override
                public void record(long rowNumber, List<String> fields) {
                    rows.add(List.copyOf(fields));
                    if (rows.size() == ROWS) {
                        throw new Enough();
                    }
                }
            });
        } catch (Enough enough) {
            // the first rows are all a preview shows
        }
    }

    private UploadFiles.OpenedFile open(UploadedFile file, String charset) throws IOException {
        return uploadFiles.open(file.storedAt(), file.fileName(), file.contentType(), charset, file.declaredFormat());
    }

    /** Stops the reader once the preview has its rows. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }
}
