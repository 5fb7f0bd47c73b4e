package com.bulkupload.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A plain HTTP client of the running server, as any integrator would write one. */
public final class BulkApi {

    public static final String BASE = System.getProperty("e2e.base.url", "http://localhost:8080");
    public static final String ADMIN_KEY = "e2e-admin-key";
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private BulkApi() {
    }

    /** A response, its parsed JSON body (or null) and its TrackingId header. */
    public record Reply(int status, String body, JsonNode json, String trackingId) {

        public int errorCode() {
            return json.path("OperationErrors").path(0).path("Code").asInt(-1);
        }
    }

    /**
     * A tenant of its own for each test: customer, account, API client and its tokens. The e2e
     * server issues tokens for 30 seconds (BULK_TOKEN_TTL_SECONDS, so that expiry can be tested);
     * like a real client, this one asks for a new token before the old one runs out.
     */
    public record Tenant(long customerId, long accountId, long defaultListId, String clientId, String clientSecret,
                         String developerToken, Tokens tokens) {

        /** A token with at least 20 of its 30 seconds left. */
        public String accessToken() {
            return tokens.current(clientId, clientSecret);
        }

        public List<String> headers() {
            return apiHeaders(accessToken(), developerToken, customerId, accountId);
        }
    }

    /** The headers of an authenticated JSON or upload call (name, value, name, value...). */
    public static List<String> apiHeaders(String token, String developerToken, long customerId, long accountId) {
        return List.of("Authorization", "Bearer " + token, "DeveloperToken", developerToken,
                "CustomerId", Long.toString(customerId), "CustomerAccountId", Long.toString(accountId));
    }

    public static Tenant newTenant() {
        String name = "e2e-" + UUID.randomUUID();
        long customerId = admin("/admin/v1/customers", name).json().get("CustomerId").asLong();
        JsonNode account = admin("/admin/v1/customers/" + customerId + "/accounts", name).json();
        JsonNode client = admin("/admin/v1/customers/" + customerId + "/clients", name).json();
        Tenant tenant = new Tenant(customerId, account.get("AccountId").asLong(), account.get("DefaultCustomerListId").asLong(),
                client.get("ClientId").asText(), client.get("ClientSecret").asText(), client.get("DeveloperToken").asText(), new Tokens());
        tenant.accessToken(); // the first token now, while the client is surely valid
        return tenant;
    }

    /** The tokens issued to one client, newest last. */
    public static final class Tokens {
        private static final long RENEW_AFTER_NANOS = Duration.ofSeconds(10).toNanos();
        private final List<String> issued = new ArrayList<>();
        private long issuedAt;

        synchronized String current(String clientId, String clientSecret) {
            if (issued.isEmpty() || System.nanoTime() - issuedAt > RENEW_AFTER_NANOS) {
                Reply reply = token(clientId, clientSecret);
                if (reply.status() == 200) {
                    issued.add(reply.json().get("access_token").asText());
                    issuedAt = System.nanoTime();
                } else if (issued.isEmpty()) {
                    throw new IllegalStateException("no token for " + clientId + ": " + reply);
                }
                // otherwise (a revoked client, say) the last token is sent and refused, as it should be
            }
            return issued.get(issued.size() - 1);
        }

        public synchronized List<String> issued() {
            return List.copyOf(issued);
        }
    }

    public static Reply admin(String path, String name) {
        Reply reply = send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("X-Admin-Key", ADMIN_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json("Name", name))));
        if (reply.status() != 201) {
            throw new IllegalStateException("admin call " + path + " failed: " + reply);
        }
        return reply;
    }

    /** A signing key (CONTRACT §7) for the tenant's account: {@code KeyId} and {@code KeySecret}. */
    public static JsonNode signingKey(Tenant tenant) {
        Reply key = send(HttpRequest.newBuilder(URI.create(BASE + "/admin/v1/accounts/" + tenant.accountId() + "/signing-keys"))
                .header("X-Admin-Key", ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json("Name", "sdk"))));
        if (key.status() != 201) {
            throw new IllegalStateException("signing key for account " + tenant.accountId() + " failed: " + key);
        }
        return key.json();
    }

    public static Reply token(String clientId, String clientSecret) {
        return form("/identity/oauth/token", "grant_type", "client_credentials", "client_id", clientId, "client_secret", clientSecret);
    }

    public static Reply form(String path, String... nameValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < nameValues.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(nameValues[i]).append('=').append(URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** POSTs a JSON body with the given headers (name, value, name, value...). */
    public static Reply postJson(String path, String body, List<String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        return send(request);
    }

    public static Reply getBulkUploadUrl(Tenant tenant, String body) {
        return postJson("/Bulk/v13/BulkUploadUrl/Query", body, tenant.headers());
    }

    public static Reply getBulkUploadStatus(Tenant tenant, String requestId) {
        return postJson("/Bulk/v13/BulkUploadStatus/Query", json("RequestId", requestId), tenant.headers());
    }

    /** POSTs one file (and optional form fields: name, value, ...) as multipart/form-data to an absolute URL. */
    public static Reply upload(Tenant tenant, String url, Path file, String... fields) {
        return multipart(url, tenant.headers(), file, file.getFileName().toString(), "application/octet-stream", fields);
    }

    /**
     * POSTs form fields (name, value, ...) and then one file part, under the part name and content
     * type given (any text at all: hostile names too), as multipart/form-data with these headers.
     */
    public static Reply multipart(String url, List<String> headers, Path file, String fileName, String contentType, String... fields) {
        String boundary = "----bulk-e2e-" + UUID.randomUUID();
        try {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < fields.length; i += 2) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                        + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(java.nio.file.Files.readAllBytes(file));
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(withHeaders(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), headers));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final String SOAP_NS = "https://bingads.microsoft.com/CampaignManagement/v13";

    /**
     * Whether a SOAP fault carries the error code: its {@code Code} element under any prefix (the
     * marshaller chooses prefixes as it goes, and a client reads namespaces, never prefixes).
     */
    public static boolean hasFaultCode(String body, int code) {
        return java.util.regex.Pattern.compile("<(\\w+:)?Code>" + code + "</(\\w+:)?Code>").matcher(body).find();
    }

    /** A SOAP envelope with the four authentication headers (after any extra header elements) around a body. */
    public static String soapEnvelope(String token, String developerToken, long customerId, long accountId,
                                      String extraHeaders, String body) {
        return "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header>" + extraHeaders
                + "<AuthenticationToken xmlns=\"" + SOAP_NS + "\">" + token + "</AuthenticationToken>"
                + "<CustomerAccountId xmlns=\"" + SOAP_NS + "\">" + accountId + "</CustomerAccountId>"
                + "<CustomerId xmlns=\"" + SOAP_NS + "\">" + customerId + "</CustomerId>"
                + "<DeveloperToken xmlns=\"" + SOAP_NS + "\">" + developerToken + "</DeveloperToken>"
                + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    }

    /** Polls GetBulkUploadStatus (JSON) until the request is no longer pending, queued or in progress. */
    public static JsonNode awaitFinalStatus(Tenant tenant, String requestId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode status = getBulkUploadStatus(tenant, requestId).json();
            String state = status.path("RequestStatus").asText();
            if (!state.equals("PendingFileUpload") && !state.equals("FileUploaded") && !state.equals("InProgress")) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still " + state + " after " + timeout + ": " + status + "; " + serverThreadDump());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The server's threads (jcmd Thread.print) written under target/, for a request that never
     * finished: what the importer was waiting for is the one thing the log cannot tell afterwards.
     */
    static String serverThreadDump() {
        try {
            ProcessHandle server = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains("jboss-modules.jar"))
                    .findFirst().orElse(null);
            if (server == null) {
                return "no server process to take a thread dump of";
            }
            Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
            Path dump = Path.of("target", "server-threads-" + System.currentTimeMillis() + ".txt");
            new ProcessBuilder(jcmd.toString(), Long.toString(server.pid()), "Thread.print", "-l")
                    .redirectErrorStream(true).redirectOutput(dump.toFile()).start().waitFor();
            return "server thread dump in " + dump.toAbsolutePath();
        } catch (IOException | RuntimeException e) {
            return "no thread dump: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no thread dump: interrupted";
        }
    }

    /** Every customer of a list, through the read API, page by page. */
    public static List<JsonNode> listCustomers(Tenant tenant, long listId) {
        List<JsonNode> all = new ArrayList<>();
        String token = null;
        do {
            Reply page = send(withHeaders(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/lists/" + listId + "/customers?pageSize=1000"
                    + (token == null ? "" : "&pageToken=" + token))).GET(), tenant.headers()));
            if (page.status() != 200) {
                throw new AssertionError(page.body());
            }
            page.json().get("Customers").forEach(all::add);
            token = page.json().has("NextPageToken") ? page.json().get("NextPageToken").asText() : null;
        } while (token != null);
        return all;
    }

    public static HttpRequest.Builder withHeaders(HttpRequest.Builder request, List<String> headers) {
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        return request;
    }

    /** GETs an absolute URL, no headers: how a ResultFileUrl is fetched. */
    public static Reply getAbsolute(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /**
     * Downloads a ResultFileUrl (no headers) and returns the result CSV it holds: the body must be
     * a zip ({@code application/zip}, CONTRACT §6) with exactly one entry.
     */
    public static String resultCsv(String url) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("result file: HTTP " + response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
            }
            if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/zip")) {
                throw new AssertionError("result file is not application/zip: " + response.headers().map());
            }
            try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(response.body()))) {
                java.util.zip.ZipEntry entry = zip.getNextEntry();
                if (entry == null || !entry.getName().endsWith(".csv")) {
                    throw new AssertionError("the zip holds no CSV entry: " + entry);
                }
                String csv = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                if (zip.getNextEntry() != null) {
                    throw new AssertionError("the zip holds more than one entry");
                }
                return csv;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(BASE + path)).GET());
    }

    public static Reply postXml(String path, String body, String soapAction) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (soapAction != null) {
            request.header("SOAPAction", "\"" + soapAction + "\"");
        }
        return send(request);
    }

    /** A JSON object of string or number members: name, value, name, value... */
    public static String json(Object... nameValues) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            Object value = nameValues[i + 1];
            String rendered = value instanceof Number ? value.toString() : JSON.valueToTree(value).toString();
            members.add("\"" + nameValues[i] + "\":" + rendered);
        }
        return "{" + String.join(",", members) + "}";
    }

    public static Reply send(HttpRequest.Builder request) {
        try {
            HttpRequest sent = request.timeout(Duration.ofSeconds(60)).build();
            HttpResponse<String> response = HTTP.send(sent, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            ResponseContract.check(sent.method(), sent.uri(), response);
            JsonNode json = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("application/json") && !response.body().isEmpty()) {
                json = JSON.readTree(response.body());
            }
            return new Reply(response.statusCode(), response.body(), json, response.headers().firstValue("TrackingId").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
