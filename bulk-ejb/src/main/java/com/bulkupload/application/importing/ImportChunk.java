package com.bulkupload.application.importing;

import com.bulkupload.domain.model.upload.UploadHeader;
import java.util.List;

/**
 * Rows of one import to be written in one transaction, with the checkpoint they move the import
 * to; {@code keys} are the import's own, shared by its chunks (which keys to look up), and so is
 * {@code timeline} (where its time goes).
 */
public record ImportChunk(ImportJob job, UploadHeader header, List<ImportRow> rows, long recordsDone, ResultFile results,
                          ImportedKeys keys, ImportTimeline timeline) {

    /** A chunk whose timings nobody reads (tests, tools). */
    public ImportChunk(ImportJob job, UploadHeader header, List<ImportRow> rows, long recordsDone, ResultFile results, ImportedKeys keys) {
        this(job, header, rows, recordsDone, results, keys, new ImportTimeline(job.requestId()));
    }
}
