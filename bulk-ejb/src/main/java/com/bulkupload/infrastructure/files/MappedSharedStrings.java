package com.bulkupload.infrastructure.files;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.LongBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * A workbook's shared strings (every distinct text of it, which its cells point at by number) in
 * two temporary files mapped into memory: the texts' UTF-8 bytes one after another, and where each
 * starts. The heap holds none of them, whatever the workbook's size, and finding one is two reads
 * of memory.
 * <p>
 * Why not POI's own: its in-memory table grows with the file (~350 MB of heap for 1M rows of nine
 * columns); pjfanning's TempFileSharedStringsTable keeps them in an H2 MVStore, and both hand each
 * cell an XMLBeans rich-text object. Reading a 100,000-row workbook took 2.2 s with the
 * TempFileSharedStringsTable and 1.3 s with the in-memory table (docs/performance-profile.md,
 * "Workbooks").
 */
final class MappedSharedStrings implements SharedStrings, Closeable {

    /** A mapping covers at most this much of the texts' file; a text may straddle two. */
    static final int SEGMENT_BYTES = 1 << 30;

    private final int segmentBytes;

    private final Path texts;
    private final Path starts;
    private final List<MappedByteBuffer> segments = new ArrayList<>();
    private final LongBuffer offsets;
    private final long length;
    private final int count;

    /** Reads the package's shared-strings part, if any, into files in {@code workDir}. */
    MappedSharedStrings(OPCPackage pkg, Path workDir) throws IOException, XMLStreamException {
        this(pkg, workDir, SEGMENT_BYTES);
    }

    /** @param segmentBytes how much one mapping covers (small in tests, to cut texts in two) */
    MappedSharedStrings(OPCPackage pkg, Path workDir, int segmentBytes) throws IOException, XMLStreamException {
        this.segmentBytes = segmentBytes;
        texts = Files.createTempFile(workDir, "shared-strings-", ".txt");
        starts = Files.createTempFile(workDir, "shared-strings-", ".idx");
        try {
            int n = 0;
            long written = 0;
            try (OutputStream textOut = new BufferedOutputStream(Files.newOutputStream(texts), 1 << 16);
                 DataOutputStream startOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(starts), 1 << 16))) {
                List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
                if (!parts.isEmpty()) {
                    try (InputStream in = parts.get(0).getInputStream()) {
                        XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
                        StringBuilder text = new StringBuilder();
                        while (nextItem(xml, text)) {
                            byte[] bytes = unescaped(text).getBytes(StandardCharsets.UTF_8);
                            startOut.writeLong(written);
                            textOut.write(bytes);
                            written += bytes.length;
                            n++;
                        }
                        xml.close();
                    }
                }
            }
            count = n;
            length = written;
            try (FileChannel channel = FileChannel.open(texts, StandardOpenOption.READ)) {
                for (long at = 0; at < length; at += segmentBytes) {
                    segments.add(channel.map(FileChannel.MapMode.READ_ONLY, at, Math.min(segmentBytes, length - at)));
                }
            }
            try (FileChannel channel = FileChannel.open(starts, StandardOpenOption.READ)) {
                offsets = channel.map(FileChannel.MapMode.READ_ONLY, 0, 8L * n).asLongBuffer();
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * The next {@code si} element's text into {@code text}: its {@code t} elements one after
     * another (a plain text has one, a rich text one per run), leaving out the phonetic guide
     * ({@code rPh}, Japanese readings) that Excel keeps beside a text. False after the last.
     */
    private static boolean nextItem(XMLStreamReader xml, StringBuilder text) throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && "si".equals(xml.getLocalName())) {
                text.setLength(0);
                int phonetic = 0;
                boolean inText = false;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String name = xml.getLocalName();
                        if ("rPh".equals(name)) {
                            phonetic++;
                        } else if ("t".equals(name)) {
                            inText = phonetic == 0;
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        String name = xml.getLocalName();
                        if ("si".equals(name)) {
                            return true;
                        } else if ("rPh".equals(name)) {
                            phonetic--;
                        } else if ("t".equals(name)) {
                            inText = false;
                        }
                    } else if (inText && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                            || event == XMLStreamConstants.SPACE)) {
                        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** Excel's escape for a character XML cannot hold, {@code _x000D_}; {@code _x005F_} escapes the underscore. */
    private static final Pattern ESCAPED = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    /** The text with Excel's escapes turned back into their characters, as POI's own tables do. */
    static String unescaped(CharSequence text) {
        String plain = text.toString();
        if (!plain.contains("_x")) {
            return plain;
        }
        return ESCAPED.matcher(plain).replaceAll(m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }

    /** The text at {@code index}: its bytes copied out of the mapping and decoded. */
    String text(int index) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("The sheet refers to shared string " + index + " of " + count + ".");
        }
        long start = offsets.get(index);
        long end = index + 1 < count ? offsets.get(index + 1) : length;
        byte[] bytes = new byte[Math.toIntExact(end - start)];
        int done = 0;
        while (done < bytes.length) {
            long at = start + done;
            MappedByteBuffer segment = segments.get((int) (at / segmentBytes));
            int from = (int) (at % segmentBytes);
            int n = Math.min(bytes.length - done, segment.limit() - from);
            segment.get(from, bytes, done, n);
            done += n;
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public RichTextString getItemAt(int index) {
        return new PlainText(text(index));
    }

    @Override
    public int getCount() {
        return count;
    }

    @Override
    public int getUniqueCount() {
        return count;
    }

    /** Deletes the files; the mappings go with the last reference to them (Linux frees a deleted file's space then). */
    @Override
    public void close() throws IOException {
        segments.clear();
        Files.deleteIfExists(texts);
        Files.deleteIfExists(starts);
    }

    /**
     * A text without formatting, all the sheet reader asks of a shared string (it calls
     * {@link #toString()}): no XMLBeans object per cell.
     */
    private record PlainText(String text) implements RichTextString {
        @Override
        public String getString() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public int numFormattingRuns() {
            return 0;
        }

        @Override
        public int getIndexOfFormattingRun(int index) {
            return 0;
        }

        @Override
        public void applyFont(int startIndex, int endIndex, short fontIndex) {
            throw new UnsupportedOperationException("a shared string read from a workbook is not changed");
        }

        @Override
        public void applyFont(int startIndex, int endIndex, Font font) {
            throw new UnsupportedOperationException("a shared string read from a workbook is not changed");
        }

        @Override
        public void applyFont(Font font) {
            throw new UnsupportedOperationException("a shared string read from a workbook is not changed");
        }

        @Override
        public void clearFormatting() {
            throw new UnsupportedOperationException("a shared string read from a workbook is not changed");
        }

        @Override
        public void applyFont(short fontIndex) {
            throw new UnsupportedOperationException("a shared string read from a workbook is not changed");
        }
    }
}
