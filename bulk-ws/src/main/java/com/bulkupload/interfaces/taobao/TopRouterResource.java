package com.bulkupload.interfaces.taobao;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.CallerContext;
import com.bulkupload.application.analysis.CrowdAnalysisService;
import com.bulkupload.application.identity.AuthenticationService;
import com.bulkupload.application.identity.SignedRequestService;
import com.bulkupload.domain.model.analysis.CrowdProfile;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.interfaces.web.FormParameters;
import com.bulkupload.interfaces.web.TrackingIdFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Taobao TOP's router (CONTRACT §11): {@code GET}/{@code POST /router/rest}, parameters from the
 * query and a form body, merged; signed with a signing key as {@code app_key} by one of TOP's three
 * sign methods; {@code session} an access token of the same customer. Answers
 * {@code <method>_response} in XML (TOP's default) or JSON, always HTTP 200.
 */
@Path("/rest")
public class TopRouterResource {

    static final ZoneId TOP_ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TOP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SignedRequestService signatures;
    private final AuthenticationService authentication;
    private final CrowdAnalysisService analyses;

    public TopRouterResource(SignedRequestService signatures, AuthenticationService authentication, CrowdAnalysisService analyses) {
        this.signatures = signatures;
        this.authentication = authentication;
        this.analyses = analyses;
    }

    @GET
    public Response get(@Context HttpServletRequest request) {
        return call(request, Map.of());
    }

    @POST
    public Response post(@Context HttpServletRequest request, InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw TopError.invalidParameter("The body is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        return call(request, type.startsWith("application/x-www-form-urlencoded")
                ? FormParameters.parse(new String(bytes, StandardCharsets.UTF_8)) : Map.of());
    }

    private Response call(HttpServletRequest request, Map<String, String> form) {
        Map<String, String> parameters = new TreeMap<>(FormParameters.parse(request.getQueryString()));
        parameters.putAll(form);
        boolean json = "json".equalsIgnoreCase(parameters.get("format"));
        request.setAttribute(TopErrorMapper.FORMAT, json);
        boolean simplify = json && "true".equalsIgnoreCase(parameters.get("simplify"));

        String method = required(parameters, "method", "21", "method");
        CallerContext signedBy = signatures.verify(signed(parameters));
        CallerContext caller = authentication.checkSession(required(parameters, "session", "26", "session"), signedBy);

        Map<String, Object> body = switch (method) {
            case "taobao.opencrm.crowdanalysis.update" -> update(caller, parameters);
            case "taobao.opencrm.crowdanalysis.get" -> get(caller, parameters);
            default -> throw new TopError("22", "Invalid method", null, null);
        };
        body.put("request_id", TrackingIdFilter.of(request));
        String root = method.replaceFirst("^taobao\\.", "").replace('.', '_') + "_response";
        return Response.ok(TopResponses.render(root, body, !json, simplify), json ? "application/json;charset=UTF-8" : "text/xml;charset=UTF-8")
                .build();
    }

    /** What TOP signs: every parameter but {@code sign}, empty ones left out, sorted, name then value. */
    private static SignedRequestService.SignedRequest signed(Map<String, String> parameters) {
        String appKey = required(parameters, "app_key", "28", "app key");
        String sign = required(parameters, "sign", "24", "signature");
        String timestamp = required(parameters, "timestamp", "30", "timestamp");
        SignedRequestService.Algorithm algorithm = switch (parameters.getOrDefault("sign_method", "md5").toLowerCase(Locale.ROOT)) {
            case "md5" -> SignedRequestService.Algorithm.TOP_MD5;
            case "hmac" -> SignedRequestService.Algorithm.TOP_HMAC_MD5;
            case "hmac-sha256" -> SignedRequestService.Algorithm.TOP_HMAC_SHA256;
            default -> throw TopError.invalidParameter("sign_method must be md5, hmac or hmac-sha256.");
        };
        StringBuilder text = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (!name.equals("sign") && value != null && !value.isEmpty()) {
                text.append(name).append(value);
            }
        });
        return new SignedRequestService.SignedRequest(appKey, algorithm, text.toString(), sign, time(timestamp, "31"), null);
    }

    private Map<String, Object> update(CallerContext caller, Map<String, String> parameters) {
        String operation = required(parameters, "operation", "40", "required arguments: operation");
        JsonNode task = taskDto(required(parameters, "task_dto", "40", "required arguments: task_dto"));
        CrowdAnalysisService.TaskView view;
        try {
            view = switch (operation) {
                case "create" -> analyses.create(caller, number(task, "crowd_id"), time(task, "start_time"), time(task, "end_time"));
                case "delete" -> analyses.delete(caller, number(task, "task_id"));
                case "dumpData" -> analyses.reload(caller, number(task, "task_id"));
                case "time" -> analyses.retime(caller, number(task, "task_id"), time(task, "start_time"), time(task, "end_time"));
                default -> throw TopError.invalidParameter("operation must be create, delete, dumpData or time.");
            };
        } catch (BulkApiException e) {
            if (e.error() == ErrorCode.INVALID_CUSTOMER_LIST || e.error() == ErrorCode.ANALYSIS_TASK_NOT_FOUND
                    || e.error() == ErrorCode.INVALID_ANALYSIS_PERIOD) {
                // a business failure: TOP answers it inside the result, success false
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("code", e.error() == ErrorCode.INVALID_CUSTOMER_LIST ? "isv.crowd-not-found"
                        : e.error() == ErrorCode.ANALYSIS_TASK_NOT_FOUND ? "isv.task-not-found" : "isv.invalid-period");
                result.put("msg", e.details() != null ? e.details() : e.error().message());
                result.put("success", false);
                return wrap("result", result);
            }
            throw e;
        }
        Map<String, Object> dto = new LinkedHashMap<>();
        dto.put("task_id", view.taskId());
        dto.put("crowd_id", view.crowdId());
        dto.put("start_time", format(view.startTime()));
        dto.put("end_time", format(view.endTime()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("result", dto);
        result.put("code", "0");
        result.put("msg", "success");
        result.put("success", true);
        return wrap("result", result);
    }

    private Map<String, Object> get(CallerContext caller, Map<String, String> parameters) {
        long taskId = id(required(parameters, "task_id", "40", "required arguments: task_id"));
        CrowdAnalysisService.TaskView view = analyses.get(caller, taskId);
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("task_id", view.taskId());
        task.put("crowd_id", view.crowdId());
        task.put("start_time", format(view.startTime()));
        task.put("end_time", format(view.endTime()));
        task.put("state", view.state().name());
        task.put("computed_time", view.computedAt() == null ? null : format(view.computedAt()));
        CrowdProfile profile = view.profile();
        if (profile != null) {
            task.put("member_count", profile.members());
            task.put("with_email_count", profile.withEmail());
            task.put("with_phone_count", profile.withPhone());
            task.put("updated_7_days_count", profile.updatedLast7Days());
            task.put("updated_30_days_count", profile.updatedLast30Days());
            task.put("top_countries", counts(profile.topCountries()));
            task.put("top_cities", counts(profile.topCities()));
        }
        return wrap("task", task);
    }

    private static TopResponses.TopList counts(List<CrowdProfile.Count> counts) {
        return new TopResponses.TopList("crowd_count", counts.stream().<Map<String, Object>>map(c -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", c.name());
            item.put("count", c.count());
            return item;
        }).toList());
    }

    private static Map<String, Object> wrap(String name, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(name, value);
        return body;
    }

    private static JsonNode taskDto(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // answered below
        }
        throw TopError.invalidParameter("task_dto must be a JSON object.");
    }

    private static long number(JsonNode task, String field) {
        JsonNode value = task.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new TopError("40", "Missing required arguments", "isv.missing-parameter", "task_dto." + field + " is required.");
        }
        return id(value.asText());
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw TopError.invalidParameter("An id must be a whole number.");
        }
    }

    private static Instant time(JsonNode task, String field) {
        JsonNode value = task.get(field);
        if (value == null || value.isNull()) {
            throw new TopError("40", "Missing required arguments", "isv.missing-parameter", "task_dto." + field + " is required.");
        }
        return time(value.asText(), "41");
    }

    /** TOP's times: {@code yyyy-MM-dd HH:mm:ss} in GMT+8. */
    private static Instant time(String text, String code) {
        try {
            return LocalDateTime.parse(text.trim(), TOP_TIME).atZone(TOP_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw code.equals("31") ? new TopError("31", "Invalid timestamp", null, "timestamp must be yyyy-MM-dd HH:mm:ss (GMT+8).")
                    : TopError.invalidParameter("Times must be yyyy-MM-dd HH:mm:ss (GMT+8).");
        }
    }

    static String format(Instant instant) {
        return TOP_TIME.format(instant.atZone(TOP_ZONE));
    }

    private static String required(Map<String, String> parameters, String name, String code, String what) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw code.equals("40") ? new TopError("40", "Missing required arguments", "isv.missing-parameter", what)
                    : TopError.missing(code, what);
        }
        return value;
    }
}
