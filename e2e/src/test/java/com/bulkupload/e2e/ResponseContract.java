package com.bulkupload.e2e;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Holds every answer {@link BulkApi#send} receives from an API the OpenAPI document describes to
 * that document (swagger-request-validator): its status must be one the operation lists, its
 * Content-Type one it allows, and its JSON body must match the schema. A call to anything the
 * document leaves out (the SOAP endpoint, the vendor facades, a path of no API) is not checked;
 * nor are the calls the suite makes with other clients (vendor SDKs, raw sockets, the browser):
 * docs/api.md, "What the suite checks against the document".
 */
final class ResponseContract {

    /** The document the server serves (bulk-ws; OpenApiClientIT checks that they are the same bytes). */
    static final Path DOCUMENT = Path.of(System.getProperty("e2e.openapi.document", "../bulk-ws/src/main/resources/openapi/openapi.yaml"));

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(read(DOCUMENT))
            .withLevelResolver(LevelResolver.create()
                    // a path or method the document does not describe is not ours to check here
                    .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");

    private ResponseContract() {
    }

    /** Throws an AssertionError naming each way the answer departs from the document. */
    static void check(String method, URI uri, HttpResponse<String> response) {
        if (!METHODS.contains(method)) {
            return;
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        ValidationReport report = VALIDATOR.validateResponse(uri.getRawPath(), Request.Method.valueOf(method), answer.build());
        if (report.hasErrors()) {
            throw new AssertionError("The answer to " + method + " " + uri.getRawPath() + " (HTTP " + response.statusCode()
                    + ") departs from openapi.yaml: " + report.getMessages() + "; body: " + abbreviated(response.body()));
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
    }

    private static String read(Path document) {
        try {
            return Files.readString(document, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
