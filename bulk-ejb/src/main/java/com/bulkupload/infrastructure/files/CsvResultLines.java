package com.bulkupload.infrastructure.files;

import com.bulkupload.application.importing.ResultLines;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The application's {@link ResultLines}: result files as CSV ({@link ResultFileWriter}). */
@ApplicationScoped
public class CsvResultLines implements ResultLines {

    @Override
    public Writer create(Path path, List<String> header) throws IOException {
        return ResultFileWriter.create(path, header);
    }

    @Override
    public Writer resume(Path committed, Path path, long committedBytes) throws IOException {
        return ResultFileWriter.resume(committed, path, committedBytes);
    }
}
