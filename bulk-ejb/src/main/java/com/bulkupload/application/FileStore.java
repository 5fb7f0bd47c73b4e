package com.bulkupload.application;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where uploaded files and result files are kept, by RequestId (implemented in
 * {@code infrastructure.files}). Several nodes must see the same store: any node may import a file
 * another received, or serve a result another wrote.
 */
public interface FileStore {

    /** The stored upload of the request (it may not exist yet). */
    Path upload(String requestId);

    /** The result file of the request (it may not exist yet). */
    Path result(String requestId);

    /** A fresh file in the work directory, for an upload in transit or an extracted archive entry. */
    Path newWorkFile(String prefix) throws IOException;

    Path workDirectory();
}
