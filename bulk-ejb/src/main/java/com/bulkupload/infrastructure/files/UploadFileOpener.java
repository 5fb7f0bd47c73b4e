package com.bulkupload.infrastructure.files;

import com.bulkupload.application.importing.LimitedInputStream;
import com.bulkupload.application.importing.RecordSink;
import com.bulkupload.application.importing.TabularFile;
import com.bulkupload.application.importing.UploadFileException;
import com.bulkupload.application.importing.UploadFiles.Encoding;
import com.bulkupload.application.importing.UploadFiles.OpenedFile;
import com.bulkupload.domain.model.upload.TextFormat;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Works out what an uploaded file is and how to read it: by its magic bytes first (gzip, zip,
 * XLSX), then by the text format the client declared, then by its name and content type (CSV,
 * TSV, SSV), and for text with no telling name by the header line. {@code .gz} and single-entry {@code .zip} wrappers are unwrapped on the fly,
 * with the uncompressed size limited as it streams.
 */
public final class UploadFileOpener {

    private static final int GZIP_MAGIC = 0x1f8b;
    private static final int ZIP_MAGIC = 0x504b0304;

    private final long maxUncompressedBytes;
    private final Path workDir;

    /**
     * How far one part of a workbook (a sheet's XML) may expand: a workbook is counted against the
     * size limit as sent, and its XML, streamed and never held, is bounded here and by POI's
     * ratio guard (100 times the compressed size). 2 GiB fits Excel's 1,048,576 rows at about
     * 1,900 bytes of XML a row; openpyxl writes 550 bytes for a row of nine short columns.
     */
    static final long XLSX_MAX_EXPANDED_BYTES = 2L << 30;

    public UploadFileOpener(long maxUncompressedBytes, Path workDir) {
        this.maxUncompressedBytes = maxUncompressedBytes;
        this.workDir = workDir;
        ZipSecureFile.setMaxEntrySize(Math.max(maxUncompressedBytes, XLSX_MAX_EXPANDED_BYTES));
    }

    /** @param declared the text format the client declared (wins over name and type), or null */
    public OpenedFile open(Path stored, String fileName, String contentType, String charsetName, TextFormat declared)
            throws IOException {
        Charset charset = charset(charsetName);
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        int magic = magic(stored);
        if ((magic >>> 16) == GZIP_MAGIC) {
            String inner = name.replaceFirst("\\.(gz|gzip)$", "");
            return unwrapped(() -> new GZIPInputStream(Files.newInputStream(stored), 64 * 1024), inner, contentType, charset, declared);
        }
        if (magic == ZIP_MAGIC) {
            return openZip(stored, name, contentType, charset, declared);
        }
        char delimiter = delimiter(name, contentType, declared, stored, charset);
        return plain(new DelimitedTabularFile(() -> new BufferedInputStream(Files.newInputStream(stored), 64 * 1024), delimiter, charset),
                delimiter);
    }

    private OpenedFile openZip(Path stored, String name, String contentType, Charset charset, TextFormat declared) throws IOException {
        try (ZipFile zip = new ZipFile(stored.toFile())) {
            if (zip.getEntry("[Content_Types].xml") != null && zip.getEntry("xl/workbook.xml") != null) {
                return workbook(new XlsxTabularFile(stored, workDir), () -> {
                    // nothing was extracted
                });
            }
            ZipEntry only = null;
            int files = 0;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory()) {
                    files++;
                    only = entry;
                }
            }
            if (files != 1) {
                throw UploadFileException.unsupported("A .zip must hold exactly one data file; this one holds " + files + ".");
            }
            if (only.getSize() > maxUncompressedBytes) {
                throw new UploadFileException(com.bulkupload.domain.model.error.ErrorCode.FILE_TOO_LARGE,
                        "The file inside the .zip is " + only.getSize() + " bytes; the limit is " + maxUncompressedBytes + ".");
            }
            String entryName = only.getName();
            String inner = entryName.substring(entryName.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            return unwrapped(() -> {
                ZipFile reopened = new ZipFile(stored.toFile());
                return new java.io.FilterInputStream(reopened.getInputStream(reopened.getEntry(entryName))) {
                    @Override
                    public void close() throws IOException {
                        super.close();
                        reopened.close();
                    }
                };
            }, inner, contentType, charset, declared);
        } catch (ZipException e) {
            throw UploadFileException.unsupported("The .zip file is damaged: " + e.getMessage());
        }
    }

    /** The content of a .gz or .zip: text is streamed through; an XLSX or a nested archive is dealt with. */
    private OpenedFile unwrapped(DelimitedTabularFile.StreamSource compressed, String innerName, String contentType,
                                 Charset charset, TextFormat declared) throws IOException {
        DelimitedTabularFile.StreamSource limited = () -> new BufferedInputStream(
                new LimitedInputStream(InflatingInputStream.open(compressed), maxUncompressedBytes), 64 * 1024);
        int innerMagic;
        try (InputStream in = limited.open()) {
            innerMagic = magic(in);
        }
        if ((innerMagic >>> 16) == GZIP_MAGIC || innerName.endsWith(".zip") || innerName.endsWith(".gz")) {
            throw UploadFileException.unsupported("A compressed file may not hold another archive (" + innerName + ").");
        }
        if (innerMagic == ZIP_MAGIC) {
            if (!innerName.endsWith(".xlsx")) {
                throw UploadFileException.unsupported("A compressed file may not hold another archive (" + innerName + ").");
            }
            Path extracted = Files.createTempFile(workDir, "extracted-", ".xlsx");
            try (InputStream in = limited.open(); OutputStream out = Files.newOutputStream(extracted)) {
                in.transferTo(out);
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(extracted);
                throw e;
            }
            return workbook(new XlsxTabularFile(extracted, workDir), () -> Files.deleteIfExists(extracted));
        }
        char delimiter = declared != null ? declared.delimiter()
                : sniffDelimiter(limited, charset, TextFormat.delimiterByName(innerName, contentType));
        return plain(new DelimitedTabularFile(limited, delimiter, charset), delimiter);
    }

    /** A delimited text file, read as {@code delimiter} separates it. */
    private static OpenedFile plain(DelimitedTabularFile file, char delimiter) {
        return opened(file, TextFormat.ofDelimiter(delimiter), file::encoding, () -> {
            // nothing was extracted
        });
    }

    /** A workbook; {@code cleanup} deletes what was extracted from its wrapper, if anything. */
    private static OpenedFile workbook(XlsxTabularFile file, Cleanup cleanup) {
        return opened(file, null, () -> null, cleanup);
    }

    /** What an opened file leaves behind when closed: a file extracted from its wrapper, or nothing. */
    private interface Cleanup {
        void run() throws IOException;
    }

    /** How the file's text is decoded, or null for a workbook. */
    private interface EncodingOf {
        Encoding get() throws IOException;
    }

    private static OpenedFile opened(TabularFile file, TextFormat format, EncodingOf encoding, Cleanup cleanup) {
        return new OpenedFile() {
            @Override
            public void read(RecordSink sink) throws IOException {
                file.read(new NonBlankRecords(sink));
            }

            @Override
            public String describe() {
                return file.describe();
            }

            @Override
            public TextFormat textFormat() {
                return format;
            }

            @Override
            public Encoding encoding() throws IOException {
                return encoding.get();
            }

            @Override
            public void close() throws IOException {
                cleanup.run();
            }
        };
    }

    /** What the client declared, else what the header line shows (a declared format wins; a file's name only breaks ties). */
    private char delimiter(String name, String contentType, TextFormat declared, Path stored, Charset charset) throws IOException {
        return declared != null ? declared.delimiter()
                : sniffDelimiter(() -> Files.newInputStream(stored), charset, TextFormat.delimiterByName(name, contentType));
    }

    /** The delimiters a header line is looked at for, in the order that breaks a tie the file's name does not. */
    private static final char[] DELIMITERS = {',', '\t', ';', '|'};

    /**
     * The most frequent of comma, tab, semicolon and pipe in the header line, whatever the file's
     * name says: Excel writes "CSV" with semicolons in many locales. A tie goes to the delimiter
     * the name says ({@code byName}, 0 when none), else to the first of {@link #DELIMITERS}; a
     * header line without any goes to the name's, else comma.
     */
    private static char sniffDelimiter(DelimitedTabularFile.StreamSource source, Charset charset, char byName) throws IOException {
        byte[] head;
        try (InputStream in = source.open()) {
            head = in.readNBytes(8192);
        }
        String text = new String(head, charset == null ? java.nio.charset.StandardCharsets.UTF_8 : charset);
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        long best = 0;
        char chosen = 0;
        for (char candidate : DELIMITERS) {
            long count = line.chars().filter(c -> c == candidate).count();
            if (count > best || (count == best && count > 0 && candidate == byName)) {
                best = count;
                chosen = candidate;
            }
        }
        return chosen != 0 ? chosen : byName != 0 ? byName : ',';
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw UploadFileException.unsupported("The charset '" + name + "' is not known.");
        }
    }

    private static int magic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return magic(in);
        }
    }

    private static int magic(InputStream in) throws IOException {
        byte[] b = in.readNBytes(4);
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (i < b.length ? b[i] & 0xFF : 0);
        }
        return value;
    }
}
