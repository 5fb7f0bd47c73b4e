package com.bulkupload.interfaces.json;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.CallerContext;
import com.bulkupload.application.importing.UploadFiles;
import com.bulkupload.application.reports.RowReportService;
import com.bulkupload.application.requests.UploadPreviews;
import com.bulkupload.application.requests.UploadRequestService;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.upload.TextFormat;
import com.bulkupload.interfaces.web.Authenticated;
import com.bulkupload.interfaces.web.CallerContexts;
import com.bulkupload.interfaces.web.JsonMapping;
import com.bulkupload.interfaces.web.MultipartUpload;
import com.bulkupload.interfaces.web.UploadReceiver;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v1/uploads} (CONTRACT §8): every upload request of the caller's account,
 * whatever protocol created it, newest first, page by page.
 */
@Path("/uploads")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class UploadListResource {

    private final UploadRequestService requests;
    private final RowReportService reports;
    private final UploadPreviews previews;
    private final UploadReceiver receiver;

    /**
     * How much of a text file the preview keeps (its first lines): the header and five rows of any
     * real file fit many times over; a workbook or a .zip is read from its end and kept whole.
     */
    static final long PREVIEW_PREFIX_BYTES = 1 << 20;

    public UploadListResource(UploadRequestService requests, RowReportService reports, UploadPreviews previews, UploadReceiver receiver) {
        this.requests = requests;
        this.reports = reports;
        this.previews = previews;
        this.receiver = receiver;
    }

    @JsonPropertyOrder({"Header", "Field", "ResolvedBy"})
    public record PreviewColumnJson(@JsonProperty("Header") String header,
                                    @JsonProperty("Field") String field,
                                    @JsonProperty("ResolvedBy") String resolvedBy) {
    }

    @JsonPropertyOrder({"Format", "Delimiter", "Encoding", "EncodingSource", "Columns", "Rows", "Fields"})
    public record PreviewJson(@JsonProperty("Format") String format,
                              @JsonProperty("Delimiter") @JsonInclude(JsonInclude.Include.NON_NULL) String delimiter,
                              @JsonProperty("Encoding") @JsonInclude(JsonInclude.Include.NON_NULL) String encoding,
                              @JsonProperty("EncodingSource") @JsonInclude(JsonInclude.Include.NON_NULL) String encodingSource,
                              @JsonProperty("Columns") List<PreviewColumnJson> columns,
                              @JsonProperty("Rows") List<List<String>> rows,
                              @JsonProperty("Fields") List<String> fields) {
    }

    /** What chose the encoding, as §8 names it. */
    private static final Map<UploadFiles.Encoding.Source, String> ENCODING_SOURCES = Map.of(
            UploadFiles.Encoding.Source.BYTE_ORDER_MARK, "ByteOrderMark", UploadFiles.Encoding.Source.DECLARED, "Declared",
            UploadFiles.Encoding.Source.DEFAULT, "Default", UploadFiles.Encoding.Source.GUESSED, "Guessed");

    /**
     * {@code POST /api/v1/uploads/preview}: multipart like an upload (one file part; fields
     * {@code charset}, {@code CustomerListId}, {@code ColumnMappings} as JSON text). Answers how the
     * file would be read — nothing is stored or imported.
     */
    @POST
    @Path("/preview")
    public PreviewJson preview(@Context HttpServletRequest request, @Context HttpServletResponse response) throws IOException {
        if (!MultipartUpload.isMultipart(request)) {
            throw new BulkApiException(ErrorCode.MISSING_FILE, "Content-Type must be multipart/form-data.");
        }
        CallerContext caller = CallerContexts.current();
        UploadPreviews.Preview preview = receiver.receivePrefix("preview-", caller.accountId(), request, response,
                Set.of("charset", "CustomerListId", "ColumnMappings"), PREVIEW_PREFIX_BYTES, received -> previews.preview(caller, received.file(),
                        listId(received.field("CustomerListId")), mappings(received.field("ColumnMappings"))));
        UploadFiles.Encoding encoding = preview.encoding();
        return new PreviewJson(preview.format(), delimiterOf(preview.readFormat()),
                encoding == null ? null : encoding.charset(), encoding == null ? null : ENCODING_SOURCES.get(encoding.source()),
                preview.columns().stream()
                .map(c -> new PreviewColumnJson(c.header(), c.field(), c.resolvedBy())).toList(), preview.rows(), preview.fields());
    }

    private static Long listId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new BulkApiException(ErrorCode.INVALID_CUSTOMER_LIST, "CustomerListId must be a whole number.");
        }
    }

    /** A delimited format's delimiter as one character (tab as itself); null for a workbook or a file not read yet. */
    private static String delimiterOf(TextFormat format) {
        return format == null ? null : String.valueOf(format.delimiter());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> mappings(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JsonMapping.MAPPER.readValue(json, Map.class);
        } catch (IOException | ClassCastException e) {
            throw new BulkApiException(ErrorCode.INVALID_COLUMN_MAPPING, "ColumnMappings must be a JSON object of header to field (or null).");
        }
    }

    @JsonPropertyOrder({"RequestId", "Protocol", "CreatedAt", "FileName", "Delimiter", "CustomerListId", "RequestStatus", "PercentComplete",
            "RowsProcessed", "RowsFailed", "RowsWithWarning", "ColumnMappings"})
    public record UploadJson(@JsonProperty("RequestId") String requestId,
                             @JsonProperty("Protocol") String protocol,
                             @JsonProperty("CreatedAt") String createdAt,
                             @JsonProperty("FileName") String fileName,
                             // the delimiter the import reads the file with: declared, or detected from its header line
                             @JsonProperty("Delimiter") @JsonInclude(JsonInclude.Include.NON_NULL) String delimiter,
                             @JsonProperty("CustomerListId") Long customerListId,
                             @JsonProperty("RequestStatus") String requestStatus,
                             @JsonProperty("PercentComplete") int percentComplete,
                             @JsonProperty("RowsProcessed") long rowsProcessed,
                             @JsonProperty("RowsFailed") long rowsFailed,
                             @JsonProperty("RowsWithWarning") long rowsWithWarning,
                             // the mappings the file is read with (its own, or its list's default once the import began)
                             @JsonProperty("ColumnMappings") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> columnMappings) {

        static UploadJson of(UploadRequestService.UploadSummary upload) {
            var status = upload.status();
            return new UploadJson(status.requestId(), upload.protocol().name(), upload.createdAt().toString(), upload.fileName(),
                    delimiterOf(upload.readFormat()), upload.customerListId(), status.requestStatus().name(), status.percentComplete(), status.rowsProcessed(),
                    status.rowsFailed(), status.rowsWithWarning(), upload.columnMappings());
        }
    }

    @JsonPropertyOrder({"Uploads", "NextPageToken"})
    public record UploadPage(@JsonProperty("Uploads") List<UploadJson> uploads,
                             @JsonProperty("NextPageToken") @JsonInclude(JsonInclude.Include.NON_NULL) String nextPageToken) {
    }

    /**
     * {@code GET /api/v1/uploads/{RequestId}/failures} (our addition, docs/console.md): the failed
     * rows as uploaded, in the file's own format, with an {@code Error} column added: a file to
     * fix and send again. 3200 for another account's request, 3216 while it imports.
     */
    @GET
    @Path("/{requestId}/failures")
    public Response failures(@PathParam("requestId") String requestId) {
        RowReportService.RowReport report = reports.reportOfRequest(CallerContexts.current(), requestId, RowReportService.Kind.FAILED);
        StreamingOutput body = out -> report.writeTo(out, "Error");
        String extension = report.format().name().toLowerCase(java.util.Locale.ROOT);
        return Response.ok(body, "text/" + (extension.equals("tsv") ? "tab-separated-values" : "csv") + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"failed-rows." + extension + "\"")
                .build();
    }

    /** {@code GET /api/v1/uploads/{RequestId}}: one upload as the list shows it; another account's answers 3200. */
    @GET
    @Path("/{requestId}")
    public UploadJson upload(@PathParam("requestId") String requestId) {
        return UploadJson.of(requests.upload(CallerContexts.current(), requestId));
    }

    @GET
    public UploadPage uploads(@QueryParam("pageSize") Integer pageSize, @QueryParam("pageToken") String pageToken,
                              @QueryParam("status") String status) {
        UploadRequestService.UploadPage page = requests.list(CallerContexts.current(), status, pageSize, pageToken);
        return new UploadPage(page.uploads().stream().map(UploadJson::of).toList(), page.nextPageToken());
    }
}
