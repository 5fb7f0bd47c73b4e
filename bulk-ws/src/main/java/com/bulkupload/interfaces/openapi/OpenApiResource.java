package com.bulkupload.interfaces.openapi;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /openapi.json} and {@code GET /openapi.yaml}: one instance per address, each with its
 * form of the document. No authentication: the document holds no secret, and a client must read
 * it before it has credentials.
 */
@Path("/")
public class OpenApiResource {

    private final byte[] body;
    private final String mediaType;

    private OpenApiResource(byte[] body, String mediaType) {
        this.body = body;
        this.mediaType = mediaType;
    }

    public static OpenApiResource json(OpenApiDocument document) {
        return new OpenApiResource(document.json(), "application/json");
    }

    public static OpenApiResource yaml(OpenApiDocument document) {
        return new OpenApiResource(document.yaml(), "application/yaml");
    }

    @GET
    public Response document() {
        // no-cache: a client revalidates, so a new deployment's document is seen at once
        return Response.ok(body, mediaType + "; charset=UTF-8").header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }
}
