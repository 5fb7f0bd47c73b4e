package com.bulkupload.interfaces.upload;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.ResultFileUrls;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.infrastructure.files.FileStorage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.time.Instant;

/**
 * The ResultFileUrl: no headers needed, the signature is the permission. A forged, altered or
 * expired URL gets 403; so does a URL of a purged file, which looks no different from outside.
 */
@Path("/files/results")
public class ResultFileResource {

    private final ResultFileUrls urls;
    private final FileStorage storage;

    public ResultFileResource(ResultFileUrls urls, FileStorage storage) {
        this.urls = urls;
        this.storage = storage;
    }

    @GET
    @Path("/{requestId}")
    public Response download(@PathParam("requestId") String requestId,
                             @QueryParam("expires") String expires,
                             @QueryParam("signature") String signature) {
        urls.verify(requestId, expires, signature, Instant.now());
        java.nio.file.Path file = storage.result(requestId);
        if (!Files.isRegularFile(file)) {
            throw new BulkApiException(ErrorCode.INVALID_RESULT_FILE_URL, "The result file is no longer kept.");
        }
        return Response.ok(file.toFile())
                .type("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + requestId + "-results.csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .build();
    }
}
