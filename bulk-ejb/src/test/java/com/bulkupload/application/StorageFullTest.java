package com.bulkupload.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.domain.model.error.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

class StorageFullTest {

    @Test
    void theFileSystemsOwnWordsForNoSpaceAreFoundThroughAnyWrapping() {
        assertTrue(StorageFull.in(new IOException("No space left on device")));
        assertTrue(StorageFull.in(new FileSystemException("/data/results/x.csv", null, "No space left on device")));
        assertTrue(StorageFull.in(new RuntimeException(new UncheckedIOException("Cannot write the result file", new IOException("Disk quota exceeded")))));
        assertFalse(StorageFull.in(new IOException("Broken pipe")));
        assertFalse(StorageFull.in(new IllegalStateException("No space left on device")), "only the file system's IOException says so");
        assertFalse(StorageFull.in(null));
        assertEquals(ErrorCode.STORAGE_FULL, StorageFull.refusal("later").error());
        assertEquals(503, ErrorCode.STORAGE_FULL.httpStatus());
    }
}
