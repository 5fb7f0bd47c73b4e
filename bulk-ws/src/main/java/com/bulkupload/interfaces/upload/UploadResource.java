package com.bulkupload.interfaces.upload;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.FileSubmissionService;
import com.bulkupload.application.UploadedFile;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.application.FileStore;
import com.bulkupload.infrastructure.files.LimitedInputStream;
import com.bulkupload.infrastructure.files.UploadFileException;
import com.bulkupload.interfaces.json.Authenticated;
import com.bulkupload.interfaces.web.CallerContexts;
import com.bulkupload.interfaces.web.TrackingIdFilter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * The UploadUrl: {@code POST /files/uploads/{RequestId}}, multipart/form-data with one file part
 * and optionally a {@code charset} field. The file part is streamed to a work file as it arrives,
 * never held in memory, and refused with 3210 the moment it passes the size limit.
 */
@Path("/uploads")
@Authenticated
public class UploadResource {

    private static final int MAX_FIELD_BYTES = 200;

    private final FileSubmissionService uploads;
    private final FileStore storage;
    private final long maxBytes;

    public UploadResource(FileSubmissionService uploads, FileStore storage, long maxBytes) {
        this.uploads = uploads;
        this.storage = storage;
        this.maxBytes = maxBytes;
    }

    @JsonPropertyOrder({"TrackingId", "RequestId", "RequestStatus"})
    public record UploadReceipt(@JsonProperty("TrackingId") String trackingId,
                                @JsonProperty("RequestId") String requestId,
                                @JsonProperty("RequestStatus") String requestStatus) {
    }

    @POST
    @Path("/{requestId}")
    @Produces(MediaType.APPLICATION_JSON)
    public UploadReceipt upload(@PathParam("requestId") String requestId, @Context HttpServletRequest request) throws IOException {
        if (!JakartaServletFileUpload.isMultipartContent(request)) {
            throw new BulkApiException(ErrorCode.MISSING_FILE, "Content-Type must be multipart/form-data.");
        }
        uploads.checkAcceptsFile(CallerContexts.current(), requestId);

        java.nio.file.Path work = storage.newWorkFile("upload-");
        try {
            UploadedFile file = receive(request, work);
            uploads.accept(CallerContexts.current(), requestId, file);
            return new UploadReceipt(TrackingIdFilter.of(request), requestId, "FileUploaded");
        } finally {
            Files.deleteIfExists(work);
        }
    }

    private UploadedFile receive(HttpServletRequest request, java.nio.file.Path work) throws IOException {
        String fileName = null;
        String contentType = null;
        String charset = null;
        long bytes = -1;
        try {
            FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(request);
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if (part.isFormField()) {
                    if ("charset".equalsIgnoreCase(part.getFieldName())) {
                        try (InputStream in = part.getInputStream()) {
                            charset = new String(in.readNBytes(MAX_FIELD_BYTES), StandardCharsets.US_ASCII).trim();
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
                    bytes = in.transferTo(out);
                }
            }
        } catch (UploadFileException e) {
            drain(request);
            throw new BulkApiException(e.error(), e.getMessage());
        } catch (FileUploadException e) {
            throw new BulkApiException(ErrorCode.MISSING_FILE, "The multipart body is malformed.");
        }
        if (bytes < 0) {
            throw new BulkApiException(ErrorCode.MISSING_FILE);
        }
        if (charset == null || charset.isEmpty()) {
            charset = charsetOf(contentType);
        }
        if (charset != null && !charset.isEmpty() && !charset.matches("[A-Za-z0-9._:+-]{1,64}")) {
            throw new BulkApiException(ErrorCode.UPLOAD_FILE_FORMAT_NOT_SUPPORTED, "That is not the name of a charset.");
        }
        return new UploadedFile(work, fileName, contentType, charset, bytes);
    }

    /**
     * Reads and discards what is left of an oversized upload (up to twice the limit), so that
     * clients which only read the response after sending the whole body still get the 413 and its
     * error instead of a reset connection. Beyond that the connection is closed on them.
     */
    private void drain(HttpServletRequest request) {
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
    static String safeName(String name) {
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
