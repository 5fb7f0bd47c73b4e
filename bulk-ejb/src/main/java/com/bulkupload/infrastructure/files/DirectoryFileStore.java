package com.bulkupload.infrastructure.files;

import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.FileStore;
import com.bulkupload.domain.model.upload.RequestId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Where uploaded files and result files live: {@code BULK_DATA_DIR} (default: the server's data
 * directory). Several nodes must share this directory (NFS or similar), since any node may import
 * a file another node received. File names come from RequestIds the server generated, checked
 * against their shape, so no client-supplied text ever reaches the file system.
 */
@ApplicationScoped
public class DirectoryFileStore implements FileStore {

    @Inject
    BulkSettings settings;

    private Path uploads;
    private Path results;
    private Path work;

    public DirectoryFileStore() {
    }

    public DirectoryFileStore(Path root) {
        init(root);
    }

    @PostConstruct
    void init() {
        String dataDir = settings.get("BULK_DATA_DIR").orElseGet(() ->
                System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")) + "/bulk-files");
        init(Path.of(dataDir));
    }

    private void init(Path root) {
        try {
            uploads = Files.createDirectories(root.resolve("uploads"));
            results = Files.createDirectories(root.resolve("results"));
            work = Files.createDirectories(root.resolve("work"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + root, e);
        }
    }

    @Override
    public Path upload(String requestId) {
        return uploads.resolve(checked(requestId) + ".upload");
    }

    @Override
    public Path result(String requestId, int claim) {
        if (claim < 0) {
            throw new IllegalArgumentException("no claim " + claim);
        }
        return results.resolve(checked(requestId) + (claim == 0 ? "" : "." + claim) + ".csv");
    }

    /** A fresh file in the work directory, for an upload in transit or an extracted archive entry. */
    @Override
    public Path newWorkFile(String prefix) throws IOException {
        return Files.createTempFile(work, prefix, ".tmp");
    }

    @Override
    public Path workDirectory() {
        return work;
    }

    @Override
    public long usableBytes() throws IOException {
        return Files.getFileStore(work).getUsableSpace();
    }

    @Override
    public int deleteWorkFilesOlderThan(Instant before) throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(work)) {
            for (Path file : files) {
                try {
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                            && Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before)
                            && Files.deleteIfExists(file)) {
                        deleted++;
                    }
                } catch (NoSuchFileException e) {
                    // its owner moved or deleted it meanwhile
                }
            }
        }
        return deleted;
    }

    private static String checked(String requestId) {
        return new RequestId(requestId).value();
    }
}
