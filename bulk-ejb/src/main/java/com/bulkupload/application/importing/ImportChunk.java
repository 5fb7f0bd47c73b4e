package com.bulkupload.application.importing;

import com.bulkupload.domain.model.upload.UploadHeader;
import java.util.List;

/**
 * Rows of one import to be written in one transaction, with the checkpoint they move the import
 * to; {@code keys} are the import's own, shared by its chunks (which keys to look up).
 */
public record ImportChunk(ImportJob job, UploadHeader header, List<ImportRow> rows, long recordsDone, ResultFile results,
                          ImportedKeys keys) {
}
