package com.bulkupload.infrastructure.files;

import com.bulkupload.application.importing.RecordSink;
import com.bulkupload.application.importing.TabularFile;
import com.bulkupload.application.importing.UploadFileException;
import com.bulkupload.application.importing.UploadFiles;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV, TSV and SSV through Apache Commons CSV (RFC 4180 quoting, quoted newlines, CRLF or LF).
 * <p>
 * Encoding: a byte-order mark wins (UTF-8, UTF-16 LE/BE); otherwise the declared charset; otherwise
 * strict UTF-8. Bytes that are invalid in the encoding are decoded to U+FFFD and the first record
 * holding one fails the whole file, naming its row: exact to the row (a decoder that throws would
 * report wherever its read-ahead buffer happened to be), and never silently replaced.
 */
final class DelimitedTabularFile implements TabularFile {

    interface StreamSource {
        InputStream open() throws IOException;
    }

    private final StreamSource source;
    private final char delimiter;
    private final Charset declared;
    /** What the current pass decodes with: the BOM's, the declared, or UTF-8. */
    private Charset decoding = StandardCharsets.UTF_8;

    DelimitedTabularFile(StreamSource source, char delimiter, Charset declared) {
        this.source = source;
        this.delimiter = delimiter;
        this.declared = declared;
    }

    @Override
    public String describe() {
        return "delimited '" + (delimiter == '\t' ? "\\t" : String.valueOf(delimiter)) + "', "
                + (declared == null ? "UTF-8 unless a BOM says otherwise" : declared + " unless a BOM says otherwise");
    }

    @Override
    public void read(RecordSink sink) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .get();
        try (InputStream in = source.open(); RecentBytes recent = new RecentBytes(in);
             RecordLengthGuard reader = new RecordLengthGuard(decodingReader(recent));
             CSVParser parser = format.parse(reader)) {
            try {
                for (CSVRecord record : parser) {
                    reader.recordEnded();
                    long row = record.getRecordNumber();
                    // the record's own array, not CSVRecord.toList(), which streams it into a new list: that
                    // stream was 7 % of the importer's CPU samples (docs/performance-profile.md, "A record's fields")
                    List<String> fields = Arrays.asList(record.values());
                    checkDecoded(fields, row, recent);
                    if (row == 1) {
                        sink.header(fields);
                    } else {
                        sink.record(row, fields);
                    }
                }
            } catch (RecordLengthGuard.TooLong e) {
                // a file over the size limit is refused as that (3210), as the bombs must be, even
                // when its first over-long line is found before the limit: read on, without parsing
                in.transferTo(OutputStream.nullOutputStream());
                throw UploadFileException.unsupported("Row " + (parser.getRecordNumber() + 1) + " is longer than "
                        + MAX_RECORD_CHARS + " characters: an unterminated quote, or the file is not a table.");
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof CSVException)) {
                    throw e.getCause(); // the server could not read its own copy: not the client's fault
                }
                String reason = e.getCause().getMessage();
                throw UploadFileException.unsupported("The file cannot be parsed from row " + (parser.getRecordNumber() + 1)
                        + ": " + reason + (reason.contains("EOF") ? " (an unterminated quote runs to the end of the file)." : "."));
            }
            if (parser.getRecordNumber() == 0) {
                throw UploadFileException.unsupported("The file is empty: it has no header row.");
            }
        }
    }

    /** String.indexOf is vectorised, and a field of Latin-1 text is never searched for U+FFFD at all. */
    private void checkDecoded(List<String> fields, long row, RecentBytes recent) {
        for (String field : fields) {
            int replacement = field.indexOf('\uFFFD');
            int nul = field.indexOf('\0');
            if (replacement >= 0 && (nul < 0 || replacement < nul)) {
                throw UploadFileException.unsupported("Row " + row + " has bytes that are not valid in "
                        + decoding.name() + EncodingGuess.hint(recent.recent(), decoding.name())
                        + "; send UTF-8, or name the encoding in the charset form field.");
            }
            if (nul >= 0) {
                throw UploadFileException.unsupported("Row " + row + " holds a NUL byte: the file is not text.");
            }
        }
    }

    /**
     * Counts the characters the parser takes for the record it is reading and stops it past
     * {@link TabularFile#MAX_RECORD_CHARS}: Commons CSV would otherwise buffer a field of any
     * length (an unterminated quote makes the rest of the file one field). The parser reads ahead
     * a buffer at a time, so the bound is exact to within that buffer.
     */
    private static final class RecordLengthGuard extends FilterReader {

        static final class TooLong extends RuntimeException {
            TooLong() {
                super(null, null, false, false);
            }
        }

        private long sinceRecord;

        RecordLengthGuard(Reader in) {
            super(in);
        }

        void recordEnded() {
            sinceRecord = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            sinceRecord += n;
            // the parser may have read ahead up to a buffer (8 KB) past the record it returned
            if (sinceRecord > MAX_RECORD_CHARS + 16_384L) {
                throw new TooLong();
            }
        }
    }

    /** How much of a file's start its encoding is judged by: a header and many rows. */
    private static final int SNIFF_BYTES = 64 * 1024;

    /** The encoding the file is read in; for an undeclared file whose start is not UTF-8, the one it most likely is. */
    UploadFiles.Encoding encoding() throws IOException {
        byte[] head;
        try (InputStream in = source.open()) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        Charset marked = byteOrderMark(head, head.length);
        if (marked != null) {
            return new UploadFiles.Encoding(marked.name(), UploadFiles.Encoding.Source.BYTE_ORDER_MARK);
        }
        if (declared != null) {
            return new UploadFiles.Encoding(declared.name(), UploadFiles.Encoding.Source.DECLARED);
        }
        // endOfInput false: a character cut at the end of the sample is not an error
        boolean utf8 = !StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), false).isError();
        String guess = utf8 ? null : EncodingGuess.likely(head);
        return guess == null
                ? new UploadFiles.Encoding(StandardCharsets.UTF_8.name(), UploadFiles.Encoding.Source.DEFAULT)
                : new UploadFiles.Encoding(guess, UploadFiles.Encoding.Source.GUESSED);
    }

    /** The charset a byte-order mark at the start names, null when there is none. */
    private static Charset byteOrderMark(byte[] head, int n) {
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private Reader decodingReader(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 3);
        byte[] head = new byte[3];
        int n = in.readNBytes(head, 0, 3);
        Charset marked = byteOrderMark(head, n);
        Charset charset = marked != null ? marked : declared != null ? declared : StandardCharsets.UTF_8;
        int bom = marked == null ? 0 : marked == StandardCharsets.UTF_8 ? 3 : 2;
        if (n > bom) {
            in.unread(head, bom, n - bom);
        }
        decoding = charset;
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith("\uFFFD");
        return new InputStreamReader(in, decoder);
    }
}
