package com.bulkupload.infrastructure.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFileWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesBomHeaderAndQuotedRows() throws IOException {
        Path file = dir.resolve("r.csv");
        try (ResultFileWriter writer = ResultFileWriter.create(file, List.of("Email", "Row", "Result"))) {
            writer.write(List.of("a@example.com", "2", "Inserted"));
            writer.write(List.of("multi\nline, \"quoted\"", "3", "Failed"));
            writer.checkpoint();
        }
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        assertEquals("Email,Row,Result\r\na@example.com,2,Inserted\r\n\"multi\nline, \"\"quoted\"\"\",3,Failed\r\n",
                new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    }

    @Test
    void resumeCutsBackToTheCommittedLength() throws IOException {
        Path file = dir.resolve("r.csv");
        long committed;
        try (ResultFileWriter writer = ResultFileWriter.create(file, List.of("Row", "Result"))) {
            writer.write(List.of("2", "Inserted"));
            committed = writer.checkpoint();
            writer.write(List.of("3", "Inserted"));
            writer.checkpoint();
        }
        // the chunk with row 3 never committed: a resumed import writes it again, once
        try (ResultFileWriter writer = ResultFileWriter.resume(file, file, committed)) {
            writer.write(List.of("3", "Updated"));
            writer.checkpoint();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals("\uFEFFRow,Result\r\n2,Inserted\r\n3,Updated\r\n", text);
    }

    @Test
    void aClaimThatTakesOverWritesItsOwnFileStartingWithTheCommittedLinesOfTheLastOne() throws IOException {
        Path first = dir.resolve("r.1.csv");
        Path second = dir.resolve("r.2.csv");
        long committed;
        ResultFileWriter stale = ResultFileWriter.create(first, List.of("Row", "Result"));
        stale.write(List.of("2", "Inserted"));
        committed = stale.checkpoint();
        try (ResultFileWriter writer = ResultFileWriter.resume(first, second, committed)) {
            // the frozen importer wakes up and writes on: into its own file only
            stale.write(List.of("3", "Inserted by the stale importer"));
            stale.checkpoint();
            stale.close();
            writer.write(List.of("3", "Updated"));
            writer.checkpoint();
        }
        assertEquals("\uFEFFRow,Result\r\n2,Inserted\r\n3,Updated\r\n", Files.readString(second, StandardCharsets.UTF_8));
        assertThrows(IOException.class, () -> ResultFileWriter.resume(first, dir.resolve("r.3.csv"), Files.size(first) + 10),
                "a committed file shorter than its checkpoint is an error, never a silent gap");
    }

    @Test
    void manyBlocksOfChineseAndAstralTextComeOutWholeAndTheCheckpointIsTheFilesLength() throws IOException {
        Path file = dir.resolve("r.csv");
        StringBuilder expected = new StringBuilder("\uFEFFRow,City\r\n");
        long committed;
        try (ResultFileWriter writer = ResultFileWriter.create(file, List.of("Row", "City"))) {
            // lines of 9 to 14 characters, many of three and four UTF-8 bytes: blocks end anywhere
            for (int row = 2; row < 20_000; row++) {
                String city = row % 3 == 0 ? "杭州, 中国" : row % 3 == 1 ? "\uD83C\uDFD9 東京" : "Zürich";
                writer.write(List.of(Integer.toString(row), city));
                expected.append(row).append(',').append(city.contains(",") ? "\"" + city + "\"" : city).append("\r\n");
            }
            committed = writer.checkpoint();
            // what close writes without a checkpoint is there too, but past the committed length
            writer.write(List.of("20000", "Paris"));
        }
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(expected.toString().getBytes(StandardCharsets.UTF_8).length, committed);
        assertEquals(expected + "20000,Paris\r\n", new String(bytes, StandardCharsets.UTF_8));
    }
}
