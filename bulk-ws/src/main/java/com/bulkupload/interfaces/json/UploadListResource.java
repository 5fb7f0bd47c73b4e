package com.bulkupload.interfaces.json;

import com.bulkupload.application.reports.RowReportService;
import com.bulkupload.application.requests.UploadRequestService;
import com.bulkupload.interfaces.web.Authenticated;
import com.bulkupload.interfaces.web.CallerContexts;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

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

    public UploadListResource(UploadRequestService requests, RowReportService reports) {
        this.requests = requests;
        this.reports = reports;
    }

    @JsonPropertyOrder({"RequestId", "Protocol", "CreatedAt", "FileName", "CustomerListId", "RequestStatus", "PercentComplete",
            "RowsProcessed", "RowsFailed", "RowsWithWarning"})
    public record UploadJson(@JsonProperty("RequestId") String requestId,
                             @JsonProperty("Protocol") String protocol,
                             @JsonProperty("CreatedAt") String createdAt,
                             @JsonProperty("FileName") String fileName,
                             @JsonProperty("CustomerListId") Long customerListId,
                             @JsonProperty("RequestStatus") String requestStatus,
                             @JsonProperty("PercentComplete") int percentComplete,
                             @JsonProperty("RowsProcessed") long rowsProcessed,
                             @JsonProperty("RowsFailed") long rowsFailed,
                             @JsonProperty("RowsWithWarning") long rowsWithWarning) {

        static UploadJson of(UploadRequestService.UploadSummary upload) {
            var status = upload.status();
            return new UploadJson(status.requestId(), upload.protocol().name(), upload.createdAt().toString(), upload.fileName(),
                    upload.customerListId(), status.requestStatus().name(), status.percentComplete(), status.rowsProcessed(),
                    status.rowsFailed(), status.rowsWithWarning());
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

    @GET
    public UploadPage uploads(@QueryParam("pageSize") Integer pageSize, @QueryParam("pageToken") String pageToken,
                              @QueryParam("status") String status) {
        UploadRequestService.UploadPage page = requests.list(CallerContexts.current(), status, pageSize, pageToken);
        return new UploadPage(page.uploads().stream().map(UploadJson::of).toList(), page.nextPageToken());
    }
}
