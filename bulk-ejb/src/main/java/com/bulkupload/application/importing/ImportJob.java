package com.bulkupload.application.importing;

import com.bulkupload.domain.model.customer.LookupField;
import com.bulkupload.domain.model.customer.ColumnMappings;
import com.bulkupload.domain.model.upload.Protocol;
import com.bulkupload.domain.model.upload.ResponseMode;
import com.bulkupload.domain.model.upload.TextFormat;

/** What an importer needs of its request, read once when it claims the request; {@code columnMappings} the request's own, else its list's default. */
public record ImportJob(String requestId, Protocol protocol, Long customerListId, String partitionName, LookupField lookupField,
                        ResponseMode responseMode, String clientId, String fileName, String contentType,
                        String charset, TextFormat declaredFormat, Long rowsTotal, long recordsDone, long resultBytes,
                        ColumnMappings columnMappings) {
}
