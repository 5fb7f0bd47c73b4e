package com.bulkupload.interfaces.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The document, read once: the YAML as written (so that what is served is byte for byte the file
 * the build generates its client from) and the same tree written as JSON.
 */
public record OpenApiDocument(byte[] yaml, byte[] json) {

    public static final String RESOURCE = "/openapi/openapi.yaml";

    public static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not in the deployment");
            }
            byte[] yaml = in.readAllBytes();
            byte[] json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(new YAMLMapper().readTree(yaml));
            return new OpenApiDocument(yaml, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
