package com.bulkupload.infrastructure.files;

import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.FileStore;
import com.bulkupload.application.importing.UploadFiles;
import com.bulkupload.domain.model.upload.TextFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;

/** The application's {@link UploadFiles}: an {@link UploadFileOpener} under the server's size limit and work directory. */
@ApplicationScoped
public class StoredUploadFiles implements UploadFiles {

    @Inject
    BulkSettings settings;

    @Inject
    FileStore storage;

    @Override
    public OpenedFile open(Path stored, String fileName, String contentType, String charsetName, TextFormat declared)
            throws IOException {
        return new UploadFileOpener(settings.maxFileBytes(), storage.workDirectory())
                .open(stored, fileName, contentType, charsetName, declared);
    }
}
