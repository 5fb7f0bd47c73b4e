package com.bulkupload.interfaces.upload;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.FileSubmissionService;
import com.bulkupload.application.UploadedFile;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.application.FileStore;
import com.bulkupload.interfaces.json.Authenticated;
import com.bulkupload.interfaces.web.CallerContexts;
import com.bulkupload.interfaces.web.MultipartUpload;
import com.bulkupload.interfaces.web.TrackingIdFilter;
import com.bulkupload.interfaces.web.UploadGate;
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
import java.nio.file.Files;
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
    private final FileStore storage;
    private final long maxBytes;
    private final UploadGate gate;

    public UploadResource(FileSubmissionService uploads, FileStore storage, long maxBytes, UploadGate gate) {
        this.uploads = uploads;
        this.storage = storage;
        this.maxBytes = maxBytes;
        this.gate = gate;
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

        java.nio.file.Path work = storage.newWorkFile("upload-");
        try (UploadGate.Pass pass = gate.admit(CallerContexts.current().accountId(), request, response)) {
            UploadedFile file = MultipartUpload.receive(pass.request(), work, maxBytes, Set.of("charset")).file();
            uploads.accept(CallerContexts.current(), requestId, file);
            return new UploadReceipt(TrackingIdFilter.of(request), requestId, "FileUploaded");
        } finally {
            Files.deleteIfExists(work);
        }
    }

}
