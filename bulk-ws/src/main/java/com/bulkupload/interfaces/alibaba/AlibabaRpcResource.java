package com.bulkupload.interfaces.alibaba;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.CallerContext;
import com.bulkupload.application.identity.SignedRequestService;
import com.bulkupload.application.requests.CustomerQueryService;
import com.bulkupload.application.requests.FileSubmissionService;
import com.bulkupload.application.requests.UploadRequestService;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.interfaces.web.FormParameters;
import com.bulkupload.interfaces.web.ResultLinks;
import com.bulkupload.interfaces.web.TrackingIdFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Alibaba Cloud's RPC style at {@code /} (CONTRACT §10): the action from {@code x-acs-action} or
 * {@code Action}, the parameters from the query, a form body or a JSON body, merged; every call
 * signed. A {@code GET /} that is no RPC call at all is a person's browser: it goes to the console.
 */
@Path("/")
public class AlibabaRpcResource {

    static final String VERSION = "2025-11-27";
    /** No parameter set of this API comes near it; the body is read whole because its hash is signed. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SignedRequestService signatures;
    private final CustomerQueryService customerQueries;
    private final AlibabaUploadTasks uploadTasks;

    public AlibabaRpcResource(SignedRequestService signatures, CustomerQueryService customerQueries, FileSubmissionService files,
                              UploadRequestService requests, ResultLinks links) {
        this.signatures = signatures;
        this.customerQueries = customerQueries;
        this.uploadTasks = new AlibabaUploadTasks(files, requests, links);
    }

    @GET
    public Response get(@Context HttpServletRequest request) throws IOException {
        if (request.getHeader("x-acs-action") == null && (request.getQueryString() == null || !request.getQueryString().contains("Action="))) {
            return Response.seeOther(URI.create("/console/")).build();
        }
        return call(request, new byte[0]);
    }

    @POST
    public Response post(@Context HttpServletRequest request, InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new BulkApiException(ErrorCode.INVALID_PARAMETER, "The body is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        return call(request, bytes);
    }

    private Response call(HttpServletRequest request, byte[] body) {
        Map<String, String> query = FormParameters.parse(request.getQueryString());
        Map<String, String> parameters = new LinkedHashMap<>(query);
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (body.length > 0 && type.startsWith("application/x-www-form-urlencoded")) {
            parameters.putAll(FormParameters.parse(new String(body, StandardCharsets.UTF_8)));
        } else if (body.length > 0 && type.startsWith("application/json")) {
            parameters.putAll(parseJson(body));
        }
        CallerContext caller = signatures.verify(AcsSignatures.of(request, query, parameters, body));
        String action = request.getHeader("x-acs-action") != null ? request.getHeader("x-acs-action") : parameters.get("Action");
        String version = request.getHeader("x-acs-version") != null ? request.getHeader("x-acs-version") : parameters.get("Version");
        if (!VERSION.equals(version)) {
            throw new BulkApiException(ErrorCode.INVALID_PARAMETER, "Version must be " + VERSION + ".");
        }
        Object data = switch (action == null ? "" : action) {
            case "QueryCustomerManagementList" -> lists(caller, parameters);
            case "BatchUploadCustomerManagement" -> uploadTasks.submit(caller, parameters);
            case "QueryUploadTask" -> uploadTasks.query(caller, parameters);
            default -> throw new BulkApiException(ErrorCode.UNKNOWN_ACTION, "Specified api is not found, please check your url and method.");
        };
        return Response.ok(AlibabaJson.Answer.of(TrackingIdFilter.of(request), data), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private AlibabaJson.ListPage lists(CallerContext caller, Map<String, String> parameters) {
        int pageNumber = number(parameters, "PageNumber", 1, 1, Integer.MAX_VALUE);
        int pageSize = number(parameters, "PageSize", 20, 1, 100);
        List<CustomerQueryService.ListSummary> all = customerQueries.lists(caller);
        List<AlibabaJson.ListRecord> records = all.stream()
                .skip((long) (pageNumber - 1) * pageSize).limit(pageSize)
                .map(l -> new AlibabaJson.ListRecord(l.customerListId(), l.name(), l.customerCount(), l.createdAt().toString()))
                .toList();
        return new AlibabaJson.ListPage(records, all.size(), pageNumber, pageSize);
    }

    static int number(Map<String, String> parameters, String name, int otherwise, int min, int max) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BulkApiException(ErrorCode.INVALID_PARAMETER, name + " must be a whole number from " + min + " to " + max + ".");
    }

    private static Map<String, String> parseJson(byte[] body) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new BulkApiException(ErrorCode.INVALID_PARAMETER, "A JSON body must be an object.");
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                values.put(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString());
            }
            return values;
        } catch (IOException e) {
            throw new BulkApiException(ErrorCode.INVALID_PARAMETER, "The body is not valid JSON.");
        }
    }
}
