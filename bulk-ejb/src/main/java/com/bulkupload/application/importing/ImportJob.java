package com.bulkupload.application.importing;

import com.bulkupload.domain.model.customer.LookupField;
import com.bulkupload.domain.model.customer.ColumnMappings;
import com.bulkupload.domain.model.upload.Protocol;
import com.bulkupload.domain.model.upload.ResponseMode;
import com.bulkupload.domain.model.upload.TextFormat;

/**
 * What an importer needs of its request, read once when it claims the request; {@code columnMappings} the request's own,
 * else its list's default; {@code claim} the number of this claim, which every write of the import is checked against
 * (a newer one means the import was taken over); {@code resultClaim} the claim whose result file holds the
 * {@code resultBytes} committed so far.
 */
public record ImportJob(String requestId, Protocol protocol, Long customerListId, String partitionName, LookupField lookupField,
                        ResponseMode responseMode, String clientId, String fileName, String contentType,
                        String charset, TextFormat declaredFormat, Long rowsTotal, long recordsDone, long resultBytes,
                        ColumnMappings columnMappings, int claim, int resultClaim) {
}
