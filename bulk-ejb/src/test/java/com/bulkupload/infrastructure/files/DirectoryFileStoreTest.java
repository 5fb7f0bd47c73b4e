package com.bulkupload.infrastructure.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryFileStoreTest {

    @TempDir
    Path root;

    @Test
    void onlyWorkFilesUntouchedSinceTheCutOffAreSweptAndNothingOutsideTheWorkDirectory() throws IOException {
        DirectoryFileStore store = new DirectoryFileStore(root);
        Instant now = Instant.parse("2026-12-06T20:00:00Z");
        Path orphan = store.newWorkFile("upload-");
        Path live = store.newWorkFile("download-");
        Path subdirectory = Files.createDirectory(store.workDirectory().resolve("entries"));
        Path oldUpload = Files.writeString(store.upload("0123456789abcdef0123"), "Email\n");
        for (Path old : new Path[]{orphan, subdirectory, oldUpload}) {
            Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofDays(2))));
        }
        Files.setLastModifiedTime(live, FileTime.from(now.minus(Duration.ofMinutes(5))));

        assertEquals(1, store.deleteWorkFilesOlderThan(now.minus(Duration.ofDays(1))));

        assertFalse(Files.exists(orphan));
        assertTrue(Files.exists(live), "written to five minutes ago: an upload in flight");
        assertTrue(Files.exists(subdirectory), "only files are swept");
        assertTrue(Files.exists(oldUpload), "stored uploads have their own retention");
    }
}
