package com.bulkupload.infrastructure.files;

import com.bulkupload.application.importing.ResultLines;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * Writes a result file as the import goes: CSV, UTF-8 with a BOM (so spreadsheets read it right),
 * RFC 4180 quoting. {@link #checkpoint()} makes what was written durable and returns the file's
 * length, which the import commits with its chunk; a resumed import cuts the file back to the
 * committed length, so every row appears exactly once whatever happened in between.
 */
public final class ResultFileWriter implements ResultLines.Writer {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int BLOCK_CHARS = 32 * 1024;

    private final FileChannel channel;
    private final Writer writer;
    private final StringBuilder block = new StringBuilder(BLOCK_CHARS + 1024);
    /**
     * RFC 4180, a format of this file's own, printed to straight: a {@code CSVPrinter} takes a lock
     * for every value and the format's monitor under it, and a format shared by every import's
     * result file would be one monitor for all of them. Half the time for a 1M-row result
     * (docs/performance-profile.md, "The result lines' locks and the writer's garbage").
     */
    private final CSVFormat format = CSVFormat.RFC4180.builder().get();

    private ResultFileWriter(FileChannel channel) {
        this.channel = channel;
        this.writer = new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8);
    }

    /** A new result file with its header row. */
    public static ResultFileWriter create(Path path, List<String> header) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        channel.write(java.nio.ByteBuffer.wrap(BOM));
        ResultFileWriter result = new ResultFileWriter(channel);
        result.write(header);
        return result;
    }

    /**
     * The result file of a resumed import: {@code path} holding the first {@code committedBytes} of
     * {@code committed} (copied, and made durable, when it is another claim's file; cut back when it
     * is the same), positioned after them.
     */
    public static ResultFileWriter resume(Path committed, Path path, long committedBytes) throws IOException {
        if (committed.equals(path)) {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE);
            channel.truncate(committedBytes);
            channel.position(committedBytes);
            return new ResultFileWriter(channel);
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try (FileChannel source = FileChannel.open(committed, StandardOpenOption.READ)) {
            long copied = 0;
            while (copied < committedBytes) {
                long n = source.transferTo(copied, committedBytes - copied, channel);
                if (n <= 0) {
                    throw new IOException("the committed result file " + committed.getFileName() + " holds " + copied
                            + " bytes, not the " + committedBytes + " its checkpoint says");
                }
                copied += n;
            }
            channel.force(false);
            channel.position(committedBytes);
            return new ResultFileWriter(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void write(List<String> values) throws IOException {
        format.printRecord(block, values.toArray());
        if (block.length() >= BLOCK_CHARS) {
            drain();
        }
    }

    @Override
    public long checkpoint() throws IOException {
        drain();
        writer.flush();
        channel.force(false);
        return channel.position();
    }

    @Override
    public void close() throws IOException {
        try {
            drain();
        } finally {
            writer.close();
        }
    }

    private void drain() throws IOException {
        writer.append(block);
        block.setLength(0);
    }
}
