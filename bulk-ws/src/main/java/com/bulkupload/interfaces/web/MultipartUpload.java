package com.bulkupload.interfaces.web;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.importing.LimitedInputStream;
import com.bulkupload.application.importing.UploadFileException;
import com.bulkupload.application.requests.UploadedFile;
import com.bulkupload.domain.model.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * Reads a multipart/form-data upload for every protocol that takes one (Bing's UploadUrl,
 * Marketo's leads.json, the console): the one file part is streamed to a work file as it
 * arrives, never held in memory, and refused with 3210 the moment it passes the size limit; the
 * form fields the protocol names are kept, each cut at {@value #MAX_FIELD_BYTES} bytes, the rest
 * ignored unread.
 */
public final class MultipartUpload {

    static final int MAX_FIELD_BYTES = 200;

    /** The file and the form fields that came with it (names in lower case). */
    public record Received(UploadedFile file, Map<String, String> fields) {
        public String field(String name) {
            return fields.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private MultipartUpload() {
    }

    public static boolean isMultipart(HttpServletRequest request) {
        return JakartaServletFileUpload.isMultipartContent(request);
    }

    /**
     * @param fieldNames the form fields to keep, any case; {@code charset} names the file's encoding
     *                   (else the file part's Content-Type does)
     */
    public static Received receive(HttpServletRequest request, Path work, long maxBytes, Set<String> fieldNames) throws IOException {
        return receive(request, work, maxBytes, fieldNames, 0);
    }

    /**
     * @param prefixBytes when positive, only a text file's first bytes are kept, up to this many and
     *                    cut after the last line feed in them, or a gzip's first bytes (the preview); the rest is read and
     *                    dropped, still counted against {@code maxBytes}. A zip container (a workbook,
     *                    a .zip) is kept whole: it is read from its end.
     */
    public static Received receive(HttpServletRequest request, Path work, long maxBytes, Set<String> fieldNames, long prefixBytes)
            throws IOException {
        Set<String> wanted = new java.util.HashSet<>();
        fieldNames.forEach(name -> wanted.add(name.toLowerCase(Locale.ROOT)));
        Map<String, String> fields = new HashMap<>();
        String fileName = null;
        String contentType = null;
        long bytes = -1;
        try {
            FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(request);
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if (part.isFormField()) {
                    String name = part.getFieldName() == null ? "" : part.getFieldName().toLowerCase(Locale.ROOT);
                    if (wanted.contains(name) && !fields.containsKey(name)) {
                        try (InputStream in = part.getInputStream()) {
                            fields.put(name, new String(in.readNBytes(MAX_FIELD_BYTES), StandardCharsets.UTF_8).trim());
                        }
                    }
                    continue;
                }
                if (bytes >= 0) {
                    throw new BulkApiException(ErrorCode.MISSING_FILE, "Send exactly one file part; this request has more.");
                }
                fileName = safeName(part.getName());
                // only a hint for format detection: an absurdly long one is cut, never stored whole
                contentType = part.getContentType() == null ? null : part.getContentType().replaceAll("\\p{Cntrl}", "");
                if (contentType != null && contentType.length() > 255) {
                    contentType = contentType.substring(0, 255);
                }
                try (InputStream in = new LimitedInputStream(part.getInputStream(), maxBytes); OutputStream out = Files.newOutputStream(work)) {
                    bytes = prefixBytes > 0 ? keepPrefix(in, out, work, prefixBytes) : in.transferTo(out);
                }
            }
        } catch (UploadFileException e) {
            drain(request, maxBytes);
            throw new BulkApiException(e.error(), e.getMessage());
        } catch (IOException e) {
            // cut by the UploadGate (too slow, or the client's connection failed), maybe inside the parser's own exception
            UploadGate.UploadCut cut = com.bulkupload.application.importing.Causes.find(e, UploadGate.UploadCut.class);
            if (cut != null) {
                throw new BulkApiException(cut.error(), cut.getMessage());
            }
            if (e instanceof FileUploadException) {
                throw new BulkApiException(ErrorCode.MISSING_FILE, "The multipart body is malformed.");
            }
            throw e;
        }
        if (bytes < 0) {
            throw new BulkApiException(ErrorCode.MISSING_FILE);
        }
        String charset = fields.get("charset");
        if (charset == null || charset.isEmpty()) {
            charset = charsetOf(contentType);
        }
        if (charset != null && !charset.isEmpty() && !charset.matches("[A-Za-z0-9._:+-]{1,64}")) {
            throw new BulkApiException(ErrorCode.UPLOAD_FILE_FORMAT_NOT_SUPPORTED, "That is not the name of a charset.");
        }
        return new Received(new UploadedFile(work, fileName, contentType, charset, null, bytes), Map.copyOf(fields));
    }

    /** The zip local-file signature: a workbook or a .zip, which must be kept whole. */
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    /** Keeps a text file's first lines (up to {@code prefixBytes}) and drops the rest; returns the bytes received. */
    private static long keepPrefix(InputStream in, OutputStream out, Path work, long prefixBytes) throws IOException {
        byte[] head = in.readNBytes(ZIP_MAGIC.length);
        out.write(head);
        if (java.util.Arrays.equals(head, ZIP_MAGIC)) {
            return head.length + in.transferTo(out);
        }
        // a gzip is cut anywhere (its reader stops after the preview's rows); text after a line feed
        boolean gzip = head.length >= 2 && head[0] == 0x1f && head[1] == (byte) 0x8b;
        long kept = head.length;
        byte[] buffer = new byte[64 * 1024];
        long lastLineEnd = -1;
        for (int n; kept < prefixBytes && (n = in.read(buffer, 0, (int) Math.min(buffer.length, prefixBytes - kept))) > 0; kept += n) {
            out.write(buffer, 0, n);
            for (int i = n - 1; i >= 0; i--) {
                if (buffer[i] == '\n') {
                    // UTF-16LE writes a line feed as 0A 00: keep its second byte too
                    lastLineEnd = kept + i + 1 + (i + 1 < n && buffer[i + 1] == 0 ? 1 : 0);
                    break;
                }
            }
        }
        long dropped = in.transferTo(OutputStream.nullOutputStream());
        out.flush();
        if (dropped > 0 && lastLineEnd > 0 && !gzip) {
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(work, java.nio.file.StandardOpenOption.WRITE)) {
                channel.truncate(lastLineEnd);
            }
        }
        return kept + dropped;
    }

    /**
     * Reads and discards what is left of an oversized upload (up to twice the limit), so that
     * clients which only read the response after sending the whole body still get the 413 and its
     * error instead of a reset connection. Beyond that the connection is closed on them.
     */
    private static void drain(HttpServletRequest request, long maxBytes) {
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long left = 2 * maxBytes;
            for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
                left -= n;
            }
        } catch (IOException e) {
            // the client went away: nothing to tell it
        }
    }

    /** The client's file name only ever says what format the file is; keep its last segment, printable. */
    public static String safeName(String name) {
        if (name == null) {
            return "";
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String printable = last.replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        return printable.length() > 200 ? printable.substring(printable.length() - 200) : printable;
    }

    static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String p = parameter.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return p.substring(8).replace("\"", "").trim();
            }
        }
        return null;
    }
}
