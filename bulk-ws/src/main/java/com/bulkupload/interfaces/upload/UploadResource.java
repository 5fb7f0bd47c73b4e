package com.bulkupload.interfaces.upload;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.requests.FileSubmissionService;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.upload.RequestStatus;
import com.bulkupload.interfaces.web.Authenticated;
import com.bulkupload.interfaces.web.CallerContexts;
import com.bulkupload.interfaces.web.MultipartUpload;
import com.bulkupload.interfaces.web.TrackingIdFilter;
import com.bulkupload.interfaces.web.UploadReceiver;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Set;

/**
 * The UploadUrl: {@code POST /files/uploads/{RequestId}}, multipart/form-data with one file part
 * and optionally a {@code charset} field. The file part is streamed to a work file as it arrives,
 * never held in memory, and refused with 3210 the moment it passes the size limit.
 */
@Path("/uploads")
@Authenticated
public class UploadResource {

    private final FileSubmissionService uploads;
    private final UploadReceiver receiver;

    public UploadResource(FileSubmissionService uploads, UploadReceiver receiver) {
        this.uploads = uploads;
        this.receiver = receiver;
    }

    @JsonPropertyOrder({"TrackingId", "RequestId", "RequestStatus"})
    public record UploadReceipt(@JsonProperty("TrackingId") String trackingId,
                                @JsonProperty("RequestId") String requestId,
                                @JsonProperty("RequestStatus") String requestStatus) {
    }

    @POST
    @Path("/{requestId}")
    @Produces(MediaType.APPLICATION_JSON)
    public UploadReceipt upload(@PathParam("requestId") String requestId, @Context HttpServletRequest request,
                                @Context HttpServletResponse response) throws IOException {
        if (!MultipartUpload.isMultipart(request)) {
            throw new BulkApiException(ErrorCode.MISSING_FILE, "Content-Type must be multipart/form-data.");
        }
        uploads.checkAcceptsFile(CallerContexts.current(), requestId);
        return receiver.receive("upload-", CallerContexts.current().accountId(), request, response, Set.of("charset"), received -> {
            uploads.accept(CallerContexts.current(), requestId, received.file());
            return new UploadReceipt(TrackingIdFilter.of(request), requestId, RequestStatus.FileUploaded.name());
        });
    }

}
