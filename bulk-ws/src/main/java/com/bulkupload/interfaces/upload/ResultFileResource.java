package com.bulkupload.interfaces.upload;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.identity.ResultFileUrls;
import com.bulkupload.domain.model.error.ErrorCode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.file.Files;
import java.time.Instant;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The ResultFileUrl: a zip with the result CSV (CONTRACT §6); no headers needed, the signature is the permission. A forged, altered or
 * expired URL gets 403; so does a URL of a purged file, which looks no different from outside.
 */
@Path("/results")
public class ResultFileResource {

    private final ResultFileUrls urls;

    public ResultFileResource(ResultFileUrls urls) {
        this.urls = urls;
    }

    @GET
    @Path("/{requestId}")
    public Response download(@PathParam("requestId") String requestId,
                             @QueryParam("expires") String expires,
                             @QueryParam("signature") String signature) {
        urls.verify(requestId, expires, signature, Instant.now());
        java.nio.file.Path file = urls.file(requestId);
        if (!Files.isRegularFile(file)) {
            throw new BulkApiException(ErrorCode.INVALID_RESULT_FILE_URL, "The result file is no longer kept.");
        }
        // a zip holding the result CSV, as Bing's own service serves it (the official SDKs unzip it by
        // default); compressed while it is sent, never built in memory or on disk. Deflate's fastest
        // level: the 117 MB result of a 1M-row import took 1.65 s at the default level (6) and 0.57 s
        // at 1, for a zip of 25.6 MB instead of 21.0 (docs/performance-profile.md): level 6 deflates
        // at about 70 MB/s, slower than the gigabit link it is sent over.
        StreamingOutput zip = out -> {
            try (ZipOutputStream archive = new ZipOutputStream(out)) {
                archive.setLevel(Deflater.BEST_SPEED);
                archive.putNextEntry(new ZipEntry(requestId + "-results.csv"));
                Files.copy(file, archive);
                archive.closeEntry();
            }
        };
        return Response.ok(zip)
                .type("application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + requestId + "-results.zip\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .build();
    }
}
