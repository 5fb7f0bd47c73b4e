package com.bulkupload.application.importing;

import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.SharedClock;
import com.bulkupload.application.TestDatabase;
import com.bulkupload.application.analysis.CrowdAnalysisService;
import com.bulkupload.domain.model.customer.CustomerRepository;
import com.bulkupload.domain.model.upload.UploadHeader;
import com.bulkupload.infrastructure.files.CsvResultLines;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The import's services on the test database, wired as the container would, with a stopped clock. */
final class ImportingTestWiring {

    private ImportingTestWiring() {
    }

    static ImportLifecycle lifecycle(TestDatabase db, CustomerRepository customers, Clock clock) {
        ImportLifecycle lifecycle = new ImportLifecycle();
        lifecycle.uploads = db.uploads;
        lifecycle.tenants = db.tenants;
        lifecycle.lists = db.lists;
        lifecycle.customers = customers;
        lifecycle.settings = BulkSettings.of(Map.of());
        lifecycle.clock = SharedClock.of(clock);
        lifecycle.analyses = new CrowdAnalysisService() {
            @Override
            public void listChanged(Long listId) {
                // no analysis tasks in these tests
            }
        };
        return lifecycle;
    }

    /**
     * Writes the records as one chunk of the job, ending at record {@code recordsDone}, in a
     * transaction (in which {@code keys} is asked for the import's keys), and returns the result
     * lines it wrote: "Row Result CustomerId ErrorCode".
     */
    static List<String> writeChunk(TestDatabase db, CustomerChunkWriter writer, ImportJob job, UploadHeader header,
                                   Supplier<ImportedKeys> keys, long recordsDone, List<List<String>> records, Path dir) throws IOException {
        RowProcessor processor = new RowProcessor(header.names(), job.lookupField());
        List<ImportRow> rows = new ArrayList<>();
        long row = 1;
        for (List<String> fields : records) {
            rows.add(processor.process(++row, fields));
        }
        Path file = dir.resolve(job.requestId() + "-" + System.nanoTime() + ".csv");
        try (ResultFile results = ResultFile.open(new CsvResultLines(), file, file, job, header, ResultLayout.BING_CSV)) {
            db.inTransaction(() -> {
                writer.write(new ImportChunk(job, header, rows, recordsDone, results, keys.get()));
                return null;
            });
        }
        List<String> lines = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.skip(1); // BOM
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
                lines.add(record.get("Row") + " " + record.get("Result") + " " + record.get("CustomerId") + " " + record.get("ErrorCode"));
            }
        }
        return lines;
    }

    static CustomerChunkWriter writer(TestDatabase db, CustomerRepository customers, SharedClock clock) {
        CustomerChunkWriter writer = new CustomerChunkWriter();
        writer.uploads = db.uploads;
        writer.customers = customers;
        writer.lists = db.lists;
        writer.tenants = db.tenants;
        writer.clock = clock;
        return writer;
    }
}
