package com.bulkupload.interfaces.marketo;

import com.bulkupload.application.CallerContext;
import com.bulkupload.application.identity.ApiCredentials;
import com.bulkupload.application.identity.AuthenticationService;
import com.bulkupload.application.reports.RowReportService;
import com.bulkupload.application.requests.FileSubmissionService;
import com.bulkupload.application.requests.OpenRequestCommand;
import com.bulkupload.application.requests.OpenedRequest;
import com.bulkupload.application.requests.OperationErrorView;
import com.bulkupload.application.requests.UploadRequestService;
import com.bulkupload.application.requests.UploadStatusView;
import com.bulkupload.domain.model.upload.Protocol;
import com.bulkupload.domain.model.upload.ResponseMode;
import com.bulkupload.domain.model.upload.TextFormat;
import com.bulkupload.interfaces.web.ApiAuthenticationFilter;
import com.bulkupload.interfaces.web.MultipartUpload;
import com.bulkupload.interfaces.web.TrackingIdFilter;
import com.bulkupload.interfaces.web.UploadReceiver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.util.Set;

/**
 * Marketo's bulk lead import (CONTRACT §9) at {@code /bulk/v1}: a file and its request in one
 * multipart POST, the batch's status, and its failed and warned rows. The account is the
 * client's default account; the token comes as {@code Authorization: Bearer}, an
 * {@code access_token} query parameter or an {@code access_token} form field.
 */
@Path("/")
public class MarketoBulkImportResource {

    /** The import's parameters, each in the query or as a form field of the multipart body. */
    private static final Set<String> FIELDS = Set.of("access_token", "format", "lookupField", "listId", "partitionName", "charset");
    static final String FAILURE_REASON = "Import Failure Reason";
    static final String WARNING_REASON = "Import Warning Reason";
    /** Marketo's own text/csv, whatever the delimiter: its clients read the body as text. */
    private static final String REPORT_TYPE = "text/csv; charset=UTF-8";

    private final AuthenticationService authentication;
    private final UploadRequestService requests;
    private final FileSubmissionService files;
    private final RowReportService reports;
    private final UploadReceiver receiver;

    public MarketoBulkImportResource(AuthenticationService authentication, UploadRequestService requests, FileSubmissionService files,
                                     RowReportService reports, UploadReceiver receiver) {
        this.authentication = authentication;
        this.requests = requests;
        this.files = files;
        this.reports = reports;
        this.receiver = receiver;
    }

    @POST
    @Path("/leads.json")
    @Produces(MediaType.APPLICATION_JSON)
    public MarketoJson.Envelope importLeads(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                            @QueryParam("access_token") String queryToken,
                                            @QueryParam("format") String format,
                                            @QueryParam("lookupField") String lookupField,
                                            @QueryParam("listId") String listId,
                                            @QueryParam("partitionName") String partitionName,
                                            @Context HttpServletRequest request,
                                            @Context HttpServletResponse response) throws IOException {
        if (!MultipartUpload.isMultipart(request)) {
            throw new MarketoRefusal("612", "Content-Type must be multipart/form-data, with the file in a part named file.");
        }
        String token = token(authorization, queryToken);
        // a token in the header or the query is checked before the body is read; one in a form field only after
        CallerContext early = token == null ? null : caller(token);
        if (early != null) {
            files.checkAcceptsSubmission(early);
        }
        return receiver.receive("marketo-", early == null ? null : early.accountId(), request, response, FIELDS, received -> {
            CallerContext caller = early != null ? early : caller(received.field("access_token"));
            String formatValue = firstOf(format, received.field("format"));
            TextFormat declared = formatValue == null || formatValue.isBlank() ? TextFormat.Csv
                    : TextFormat.parse(formatValue).orElseThrow(() -> new MarketoRefusal("1003", "format must be csv, tsv or ssv."));
            OpenRequestCommand command = new OpenRequestCommand(ResponseMode.ErrorsOnly.name(), caller.accountId(),
                    listId(firstOf(listId, received.field("listId"))), firstOf(lookupField, received.field("lookupField")),
                    firstOf(partitionName, received.field("partitionName")), null);
            OpenedRequest opened = files.submit(caller, command, Protocol.Marketo, received.file().declaredAs(declared));
            return MarketoJson.Envelope.of(TrackingIdFilter.of(request),
                    new MarketoJson.Batch(opened.batchId(), Long.toString(opened.batchId()), "Queued", null, null, null, null));
        });
    }

    @GET
    @Path("/leads/batch/{batchId}.json")
    @Produces(MediaType.APPLICATION_JSON)
    public MarketoJson.Envelope status(@PathParam("batchId") String batchId,
                                       @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                       @QueryParam("access_token") String queryToken,
                                       @Context HttpServletRequest request) {
        CallerContext caller = caller(token(authorization, queryToken));
        UploadStatusView status = requests.statusOfBatch(caller, batchId(batchId));
        return MarketoJson.Envelope.of(TrackingIdFilter.of(request), batch(status));
    }

    @GET
    @Path("/leads/batch/{batchId}/failures.json")
    public Response failures(@PathParam("batchId") String batchId,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @QueryParam("access_token") String queryToken) {
        return report(batchId, authorization, queryToken, RowReportService.Kind.FAILED, FAILURE_REASON);
    }

    @GET
    @Path("/leads/batch/{batchId}/warnings.json")
    public Response warnings(@PathParam("batchId") String batchId,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @QueryParam("access_token") String queryToken) {
        return report(batchId, authorization, queryToken, RowReportService.Kind.WARNED, WARNING_REASON);
    }

    private Response report(String batchId, String authorization, String queryToken, RowReportService.Kind kind, String reasonColumn) {
        CallerContext caller = caller(token(authorization, queryToken));
        RowReportService.RowReport report = reports.reportOfBatch(caller, batchId(batchId), kind);
        StreamingOutput body = out -> report.writeTo(out, reasonColumn);
        return Response.ok(body, REPORT_TYPE).build();
    }

    /** CONTRACT §9's statuses: Queued, Importing, Complete, Failed (with why). */
    static MarketoJson.Batch batch(UploadStatusView status) {
        String state = switch (status.requestStatus()) {
            case PendingFileUpload, FileUploaded -> "Queued";
            case InProgress -> "Importing";
            case Completed, CompletedWithErrors -> "Complete";
            case Failed, UploadFileRowCountExceeded, UploadFileFormatNotSupported -> "Failed";
        };
        String message = switch (state) {
            case "Queued" -> "Import queued.";
            case "Importing" -> "Import in progress: " + status.percentComplete() + "% done.";
            case "Complete" -> (status.rowsFailed() == 0 && status.rowsWithWarning() == 0 ? "Import succeeded" : "Import completed with errors")
                    + ", " + (status.rowsProcessed() - status.rowsFailed()) + " records imported, " + status.rowsFailed()
                    + " failed, " + status.rowsWithWarning() + " with warnings.";
            default -> status.failure().map(OperationErrorView::reason).orElse("Import failed.");
        };
        return new MarketoJson.Batch(status.batchId(), Long.toString(status.batchId()), state, status.rowsProcessed(),
                status.rowsFailed(), status.rowsWithWarning(), message);
    }

    private CallerContext caller(String token) {
        if (token == null || token.isBlank()) {
            throw new MarketoRefusal("600", "Access token not specified.");
        }
        return authentication.authenticateBearer(token, ApiCredentials.HeaderNames.ACCESS_TOKEN);
    }

    private static String token(String authorization, String queryToken) {
        String bearer = ApiAuthenticationFilter.bearerToken(authorization);
        return bearer != null ? bearer : (queryToken == null || queryToken.isBlank() ? null : queryToken);
    }

    private static String firstOf(String query, String form) {
        return query != null ? query : form;
    }

    private static long batchId(String value) {
        try {
            long id = Long.parseLong(value.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below, as an unknown batch: nothing to tell apart
        }
        throw new MarketoRefusal("610", "Requested resource not found.");
    }

    private static Long listId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new MarketoRefusal("1003", "listId must be the id of one of the account's lists.");
        }
    }
}
