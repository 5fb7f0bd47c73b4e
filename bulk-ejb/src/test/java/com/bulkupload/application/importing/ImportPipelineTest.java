package com.bulkupload.application.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.domain.model.customer.ColumnMappings;
import com.bulkupload.domain.model.customer.LookupField;
import com.bulkupload.domain.model.upload.Protocol;
import com.bulkupload.domain.model.upload.ResponseMode;
import com.bulkupload.domain.model.upload.RowCheck;
import com.bulkupload.domain.model.upload.RowResult;
import com.bulkupload.infrastructure.files.CsvResultLines;
import com.bulkupload.infrastructure.files.UploadFileOpener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's chunking: by rows, by characters, after a checkpoint, and a failed write stopping it. */
class ImportPipelineTest {

    @TempDir
    Path dir;

    private Path csv(int rows, int nameLength) throws IOException {
        StringBuilder text = new StringBuilder("Email,FirstName\n");
        for (int i = 1; i <= rows; i++) {
            text.append("u").append(i).append("@example.com,").append("n".repeat(nameLength)).append('\n');
        }
        return Files.writeString(dir.resolve("f" + System.nanoTime() + ".csv"), text, StandardCharsets.UTF_8);
    }

    private static ImportJob job(long recordsDone) {
        return new ImportJob("0123456789abcdef0123", Protocol.Bing, 1L, "Default", LookupField.Email, ResponseMode.ErrorsAndResults,
                "c", "f.csv", null, null, null, null, recordsDone, 0, ColumnMappings.NONE, 1, 0);
    }

    /** Runs the apply pass and returns, per chunk, its first row number, its size and the checkpoint it carries. */
    private List<String> chunks(Path file, ImportJob job, int chunkRows) throws IOException {
        List<String> seen = new ArrayList<>();
        ImportPipeline pipeline = new ImportPipeline(chunkRows, Duration.ofSeconds(10), () -> { }, new CsvResultLines());
        try (UploadFiles.OpenedFile opened = new UploadFileOpener(1L << 30, dir).open(file, "f.csv", null, null, null)) {
            pipeline.apply(job, opened, dir.resolve("r0.csv"), dir.resolve("r" + System.nanoTime() + ".csv"), ImportedKeys.anyMayExist(), chunk -> {
                seen.add(chunk.rows().get(0).check().rowNumber() + "+" + chunk.rows().size() + "@" + chunk.recordsDone());
                return CompletableFuture.completedFuture(null);
            });
        }
        return seen;
    }

    @Test
    void rowsAreHandedOverInChunksCarryingTheirCheckpoint() throws IOException {
        assertEquals(List.of("2+5@5", "7+5@10", "12+2@12"), chunks(csv(12, 3), job(0), 5));
    }

    @Test
    void aResumedImportSkipsWhatItsCheckpointSaysIsDone() throws IOException {
        assertEquals(List.of("9+5@12"), chunks(csv(12, 3), job(7), 5));
    }

    @Test
    void aChunkOfLongRowsIsHandedOverByItsSizeBeforeItHasItsRows() throws IOException {
        // 40 rows of 500,000 characters: 20 MB of text, never more than 4 Mi characters a chunk
        List<String> seen = chunks(csv(40, 500_000), job(0), 5_000);
        assertEquals(5, seen.size(), seen.toString());
        assertTrue(seen.get(0).startsWith("2+9@9"), seen.toString());
    }

    @Test
    void theScanCountsRowsAndReadsTheHeader() throws IOException {
        ImportPipeline pipeline = new ImportPipeline(5, Duration.ofSeconds(10), () -> { }, new CsvResultLines());
        try (UploadFiles.OpenedFile opened = new UploadFileOpener(1L << 30, dir).open(csv(12, 3), "f.csv", null, null, null)) {
            ImportPipeline.Scan scan = pipeline.scan(opened, LookupField.Email);
            assertEquals(12, scan.rows());
            assertEquals(List.of("Email", "FirstName"), scan.header().names());
        }
    }

    @Test
    void aFailedWriteStopsTheImportAtTheNextHandOver() throws IOException {
        Path file = csv(12, 3);
        List<Long> written = new ArrayList<>();
        ImportPipeline pipeline = new ImportPipeline(5, Duration.ofSeconds(10), () -> { }, new CsvResultLines());
        try (UploadFiles.OpenedFile opened = new UploadFileOpener(1L << 30, dir).open(file, "f.csv", null, null, null)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pipeline.apply(job(0), opened, dir.resolve("r0.csv"),
                    dir.resolve("r.csv"), ImportedKeys.anyMayExist(), chunk -> {
                        written.add(chunk.recordsDone());
                        return chunk.recordsDone() == 5 ? CompletableFuture.failedFuture(new IllegalStateException("disk full"))
                                : CompletableFuture.completedFuture(null);
                    }));
            assertEquals("disk full", e.getMessage());
        }
        assertEquals(List.of(5L), written, "nothing is handed over after a failed chunk");
    }

    @Test
    void validRowsAndFailedRowsBothReachTheWriter() throws IOException {
        Path file = Files.writeString(dir.resolve("m.csv"), "Email,FirstName\nok@example.com,A\nbroken,B\n", StandardCharsets.UTF_8);
        List<String> checks = new ArrayList<>();
        ImportPipeline pipeline = new ImportPipeline(5, Duration.ofSeconds(10), () -> { }, new CsvResultLines());
        try (UploadFiles.OpenedFile opened = new UploadFileOpener(1L << 30, dir).open(file, "m.csv", null, null, null)) {
            pipeline.apply(job(0), opened, dir.resolve("m-result.csv"), dir.resolve("m-result.csv"), ImportedKeys.anyMayExist(), chunk -> {
                chunk.rows().forEach(r -> checks.add(r.check() instanceof RowCheck.Valid ? "valid" : "invalid"));
                try {
                    for (ImportRow row : chunk.rows()) {
                        chunk.results().write(row, new RowOutcome(RowResult.Inserted, 1L, null, null));
                    }
                    chunk.results().checkpoint();
                } catch (IOException e) {
                    return CompletableFuture.failedFuture(e);
                }
                return CompletableFuture.completedFuture(null);
            });
        }
        assertEquals(List.of("valid", "invalid"), checks);
        assertEquals(3, Files.readAllLines(dir.resolve("m-result.csv")).size(), "header and one line per row");
    }
}
