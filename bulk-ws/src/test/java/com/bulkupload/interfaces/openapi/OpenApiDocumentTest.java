package com.bulkupload.interfaces.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.interfaces.admin.AdminResource;
import com.bulkupload.interfaces.alibaba.AlibabaRpcResource;
import com.bulkupload.interfaces.health.HealthResource;
import com.bulkupload.interfaces.identity.TokenResource;
import com.bulkupload.interfaces.json.AccountListResource;
import com.bulkupload.interfaces.json.BulkJsonResource;
import com.bulkupload.interfaces.json.CustomerListResource;
import com.bulkupload.interfaces.json.UploadListResource;
import com.bulkupload.interfaces.marketo.MarketoBulkImportResource;
import com.bulkupload.interfaces.taobao.TopRouterResource;
import com.bulkupload.interfaces.upload.ResultFileResource;
import com.bulkupload.interfaces.upload.UploadResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is kept beside the JAX-RS resources, so these tests hold it to them: it is
 * valid OpenAPI 3 to the reference parser, it describes exactly the operations the resources
 * publish, and it names every error code. (The end-to-end suite checks every JSON answer it
 * receives against it: {@code ResponseContract} in the e2e module.)
 */
class OpenApiDocumentTest {

    /**
     * Where each resource is published (BulkCxfServlet.publishJson). The vendor facades follow
     * their vendors' documentation and are left out of the document, as its description says.
     */
    static final Map<Class<?>, String> PUBLISHED_AT = Map.ofEntries(
            Map.entry(BulkJsonResource.class, "/Bulk/v13"),
            Map.entry(UploadResource.class, "/files"),
            Map.entry(ResultFileResource.class, "/files"),
            Map.entry(CustomerListResource.class, "/api/v1"),
            Map.entry(UploadListResource.class, "/api/v1"),
            Map.entry(AccountListResource.class, "/api/v1"),
            Map.entry(TokenResource.class, "/identity"),
            Map.entry(AdminResource.class, "/admin/v1"),
            Map.entry(HealthResource.class, "/health"));
    static final Set<Class<?>> VENDOR_FACADES = Set.of(MarketoBulkImportResource.class, AlibabaRpcResource.class, TopRouterResource.class);
    static final Set<String> DOCUMENT_ITSELF = Set.of("GET /openapi.json", "GET /openapi.yaml");

    static final OpenApiDocument DOCUMENT = OpenApiDocument.load();

    @Test
    void theDocumentIsValidOpenApi3ToTheReferenceParser() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(new String(DOCUMENT.yaml(), StandardCharsets.UTF_8), null, options);
        assertTrue(result.getMessages().isEmpty(), () -> "the parser found: " + result.getMessages());
        assertTrue(result.getOpenAPI().getOpenapi().startsWith("3.0"), result.getOpenAPI().getOpenapi());
    }

    @Test
    void theJsonFormIsTheSameDocumentAsTheYaml() throws Exception {
        assertEquals(new YAMLMapper().readTree(DOCUMENT.yaml()), new ObjectMapper().readTree(DOCUMENT.json()));
    }

    @Test
    void everyResourceClassIsEitherDescribedOrAVendorFacade() {
        Set<String> unaccounted = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.bulkupload.interfaces").stream()
                .filter(c -> c.isAnnotatedWith(Path.class))
                .map(c -> c.reflect())
                .filter(c -> c != OpenApiResource.class && !PUBLISHED_AT.containsKey(c) && !VENDOR_FACADES.contains(c))
                .map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(unaccounted.isEmpty(), () -> "resources neither described nor left out on purpose: " + unaccounted);
    }

    @Test
    void theDocumentDescribesExactlyTheOperationsTheResourcesPublish() throws Exception {
        Set<String> published = new TreeSet<>(DOCUMENT_ITSELF);
        PUBLISHED_AT.forEach((resource, address) -> published.addAll(operationsOf(resource, address)));
        Set<String> described = new TreeSet<>();
        JsonNode paths = new YAMLMapper().readTree(DOCUMENT.yaml()).get("paths");
        paths.fieldNames().forEachRemaining(path -> paths.get(path).fieldNames().forEachRemaining(method -> {
            if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                described.add(method.toUpperCase(Locale.ROOT) + " " + normalised(path));
            }
        }));
        assertEquals(published, described);
    }

    @Test
    void everyErrorCodeIsInTheDocumentWithItsCodeAndHttpStatus() throws Exception {
        JsonNode document = new YAMLMapper().readTree(DOCUMENT.yaml());
        Set<String> names = new TreeSet<>();
        document.at("/components/schemas/OperationError/properties/ErrorCode/enum").forEach(n -> names.add(n.asText()));
        assertEquals(Arrays.stream(ErrorCode.values()).map(ErrorCode::errorCode).collect(Collectors.toCollection(TreeSet::new)), names);
        String description = document.at("/info/description").asText();
        for (ErrorCode code : ErrorCode.values()) {
            String row = "| " + code.code() + " | " + code.errorCode() + " | " + code.httpStatus() + " |";
            assertTrue(description.contains(row), () -> "the table of codes lacks " + row);
        }
    }

    /** "METHOD /address/path" of each resource method, path parameters as {}. */
    static Set<String> operationsOf(Class<?> resource, String address) {
        String base = address + "/" + resource.getAnnotation(Path.class).value();
        Set<String> operations = new TreeSet<>();
        for (Method method : resource.getMethods()) {
            String verb = Arrays.stream(method.getAnnotations())
                    .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                    .filter(java.util.Objects::nonNull).map(HttpMethod::value).findFirst().orElse(null);
            if (verb != null) {
                Path path = method.getAnnotation(Path.class);
                operations.add(verb + " " + normalised(base + (path == null ? "" : "/" + path.value())));
            }
        }
        return operations;
    }

    static String normalised(String path) {
        String single = path.replaceAll("\\{[^}]*}", "{}").replaceAll("/+", "/");
        return single.length() > 1 && single.endsWith("/") ? single.substring(0, single.length() - 1) : single;
    }
}
