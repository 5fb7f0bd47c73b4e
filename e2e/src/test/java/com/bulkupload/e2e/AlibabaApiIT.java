package com.bulkupload.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import com.bulkupload.e2e.BulkApi.Reply;
import com.bulkupload.e2e.BulkApi.Tenant;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alibaba Cloud's RPC API (CONTRACT §10) as its users call it: the unmodified npm
 * {@code @alicloud/openapi-client} and Maven {@code com.aliyun:tea-openapi}, exactly as Alibaba's
 * samples call BatchUploadCustomerManagement, with only endpoint and protocol moved; the files
 * served by this test on 127.0.0.1 (the e2e server's BULK_FETCH_ALLOWED_HOSTS). Then what must be
 * refused with nothing fetched or imported: forged, stale, replayed and unknown-key signatures,
 * and every kind of FileUrl a server must not fetch.
 */
@ServerTest
@RunAsClient
class AlibabaApiIT {

    private static HttpServer files;
    private static String fileBase;
    /** Files a test makes (a workbook generated with POI), served under {@code /generated/}. */
    private static Path generated;
    private static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();

    @BeforeAll
    static void serveFiles() throws IOException {
        files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int port = files.getAddress().getPort();
        fileBase = "http://127.0.0.1:" + port;
        files.createContext("/data/", exchange -> {
            hit("/data/");
            Path file = ImportFlowIT.DATA.resolve(exchange.getRequestURI().getPath().substring("/data/".length())).normalize();
            byte[] body = file.startsWith(ImportFlowIT.DATA.normalize()) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        generated = Files.createTempDirectory("alibaba-generated");
        files.createContext("/generated/", exchange -> {
            Path file = generated.resolve(exchange.getRequestURI().getPath().substring("/generated/".length())).normalize();
            byte[] body = file.startsWith(generated) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        files.createContext("/to-localhost", exchange -> {
            hit("/to-localhost");
            exchange.getResponseHeaders().add("Location", "http://localhost:" + port + "/data/customers-10.csv");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        files.createContext("/huge.csv", exchange -> {
            hit("/huge.csv");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("Email\n".getBytes(StandardCharsets.US_ASCII));
                byte[] rows = "someone@example.com\n".repeat(5_000).getBytes(StandardCharsets.US_ASCII);
                for (long sent = 0; sent < 25_000_000; sent += rows.length) {
                    out.write(rows);
                }
            } catch (IOException e) {
                // the server hung up at its limit, as it must
            }
        });
        files.createContext("/slow.csv", exchange -> {
            hit("/slow.csv");
            exchange.sendResponseHeaders(200, 0);
            try {
                exchange.getResponseBody().write("Email\n".getBytes(StandardCharsets.US_ASCII));
                exchange.getResponseBody().flush();
                Thread.sleep(10_000);
            } catch (InterruptedException | IOException e) {
                // stopped
            }
            exchange.close();
        });
        files.setExecutor(Executors.newCachedThreadPool());
        files.start();
    }

    @AfterAll
    static void stopServingFiles() {
        files.stop(0);
    }

    private static void hit(String path) {
        HITS.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    }

    private static int hits(String path) {
        return HITS.computeIfAbsent(path, p -> new AtomicInteger()).get();
    }

    // ---------------------------------------------------------------- the vendors' clients

    @Test
    void alibabasNodeClientUploadsByUrlAndQueriesWithV3AndV2Signatures() throws Exception {
        for (String algorithm : new String[] {null, "v2"}) {
            Tenant tenant = BulkApi.newTenant();
            JsonNode key = BulkApi.signingKey(tenant);
            List<String> command = new java.util.ArrayList<>(List.of("node", VendorClients.SCRIPTS.resolve("node/alibaba_client.js").toString(),
                    "localhost:8080", key.path("KeyId").asText(), key.path("KeySecret").asText(), Long.toString(tenant.defaultListId()),
                    fileBase + "/data"));
            if (algorithm != null) {
                command.add(algorithm);
            }
            String output = VendorClients.run(command, null, 180);
            assertTrue(output.contains("lists=1 xlsx=Success 10/10/0 result csv=PartialSuccess 11/6/5 result"), algorithm + ": " + output);
        }
    }

    @Test
    void alibabasJavaClientUploadsByUrlAndQueriesTheTaskWithV3AndV2Signatures() throws Exception {
        for (String algorithm : new String[] {null, "v2"}) {
            Tenant tenant = BulkApi.newTenant();
            JsonNode key = BulkApi.signingKey(tenant);
            Config config = new Config().setAccessKeyId(key.path("KeyId").asText()).setAccessKeySecret(key.path("KeySecret").asText());
            config.endpoint = "localhost:8080";
            config.protocol = "HTTP";
            if (algorithm != null) {
                config.setSignatureAlgorithm(algorithm);
            }
            com.aliyun.teaopenapi.Client client = new com.aliyun.teaopenapi.Client(config);

            Map<String, ?> lists = body(client.callApi(params("QueryCustomerManagementList"),
                    new OpenApiRequest().setQuery(com.aliyun.openapiutil.Client.query(Map.of("PageSize", 10))), new RuntimeOptions()));
            assertEquals(1, ((Number) ((Map<?, ?>) lists.get("Data")).get("TotalCount")).intValue(), lists.toString());

            Map<?, ?> xlsx = uploadAndAwait(client, tenant, "customers-10.xlsx");
            assertEquals("Success", xlsx.get("Status"), algorithm + ": " + xlsx);
            assertEquals(10, ((Number) xlsx.get("SuccessCount")).intValue(), xlsx.toString());
            Map<?, ?> messy = uploadAndAwait(client, tenant, "messy.csv");
            assertEquals("PartialSuccess", messy.get("Status"), algorithm + ": " + messy);
            assertEquals(11, ((Number) messy.get("TotalCount")).intValue(), messy.toString());
            assertEquals(5, ((Number) messy.get("FailedCount")).intValue(), messy.toString());
            // the task is an upload like any other: listed with its protocol
            JsonNode upload = BulkApi.send(BulkApi.withHeaders(HttpRequest.newBuilder(URI.create(BulkApi.BASE + "/api/v1/uploads")).GET(),
                    tenant.headers())).json().path("Uploads").path(0);
            assertEquals("Alibaba", upload.path("Protocol").asText(), upload.toString());
            assertEquals(messy.get("UploadTaskId"), upload.path("RequestId").asText());
        }
    }

    /**
     * A Chinese business template as people fill it in: a workbook whose headers carry notes in
     * brackets and one column (门店城市, the store's city) no alias knows, which the list's default
     * mapping names. Sent by Alibaba's Java client as a FileUrl into that list, then analysed as a
     * crowd through Taobao's TOP client: the cities counted are the mapped column's.
     */
    @Test
    void aChineseWorkbookByFileUrlFillsAMappedListWhoseCrowdAnalysisCountsItsCities() throws Exception {
        Tenant tenant = BulkApi.newTenant();
        Reply mapped = BulkApi.send(BulkApi.withHeaders(HttpRequest.newBuilder(URI.create(BulkApi.BASE + "/api/v1/lists/"
                + tenant.defaultListId() + "/column-mapping")).PUT(HttpRequest.BodyPublishers.ofString("{\"ColumnMappings\":{\"门店城市\":\"City\"}}"))
                .header("Content-Type", "application/json"), tenant.headers()));
        assertEquals(200, mapped.status(), mapped.body());
        String workbook = "customers-cn-" + UUID.randomUUID() + ".xlsx";
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             OutputStream out = Files.newOutputStream(generated.resolve(workbook))) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("客户名单");
            String[][] cells = {{"姓名", "邮箱（必填）", "手机号码（必填）", "门店城市"},
                    {"张伟", "zhang.wei@example.cn", "13800000011", "杭州"},
                    {"李娜", "li.na@example.cn", "13800000012", "杭州"},
                    {"王磊", "wang.lei@example.cn", "13800000013", "杭州"},
                    {"赵敏", "zhao.min@example.cn", "13800000014", "上海"}};
            for (int r = 0; r < cells.length; r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    row.createCell(c).setCellValue(cells[r][c]);
                }
            }
            book.write(out);
        }
        JsonNode key = BulkApi.signingKey(tenant);
        Config config = new Config().setAccessKeyId(key.path("KeyId").asText()).setAccessKeySecret(key.path("KeySecret").asText());
        config.endpoint = "localhost:8080";
        config.protocol = "HTTP";
        com.aliyun.teaopenapi.Client alibaba = new com.aliyun.teaopenapi.Client(config);
        Map<?, ?> task = uploadAndAwait(alibaba, tenant, "客户名单.xlsx", fileBase + "/generated/" + workbook);
        assertEquals("Success", task.get("Status"), task.toString());
        assertEquals(4, ((Number) task.get("SuccessCount")).intValue(), task.toString());

        com.taobao.api.DefaultTaobaoClient taobao = new com.taobao.api.DefaultTaobaoClient(TaobaoTopIT.ROUTER, key.path("KeyId").asText(),
                key.path("KeySecret").asText(), "json", 15_000, 15_000, "hmac-sha256");
        java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"));
        var created = TaobaoTopIT.update(taobao, tenant, "create", "{\"crowd_id\":" + tenant.defaultListId() + ",\"start_time\":\""
                + TaobaoTopIT.TOP_TIME.format(now.minusHours(1)) + "\",\"end_time\":\"" + TaobaoTopIT.TOP_TIME.format(now.plusDays(7)) + "\"}");
        assertTrue(created.isSuccess() && created.getResult().getSuccess(), created.getBody());
        var analysis = TaobaoTopIT.awaitReady(taobao, tenant, created.getResult().getResult().getTaskId(), 4);
        assertEquals(4, analysis.getWithEmailCount());
        assertEquals(4, analysis.getWithPhoneCount());
        assertEquals(List.of("杭州=3", "上海=1"), analysis.getTopCities().stream().map(c -> c.getName() + "=" + c.getCount()).toList());
    }

    private static Map<?, ?> uploadAndAwait(com.aliyun.teaopenapi.Client client, Tenant tenant, String fileName) throws Exception {
        return uploadAndAwait(client, tenant, fileName, fileBase + "/data/" + fileName);
    }

    private static Map<?, ?> uploadAndAwait(com.aliyun.teaopenapi.Client client, Tenant tenant, String fileName, String url) throws Exception {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("CustomerListId", tenant.defaultListId());
        query.put("FileName", fileName);
        query.put("FileUrl", url);
        Map<String, ?> created = body(client.callApi(params("BatchUploadCustomerManagement"),
                new OpenApiRequest().setQuery(com.aliyun.openapiutil.Client.query(query)), new RuntimeOptions()));
        String taskId = String.valueOf(((Map<?, ?>) created.get("Data")).get("UploadTaskId"));
        Map<?, ?> task = null;
        for (int i = 0; i < 240; i++) {
            task = (Map<?, ?>) body(client.callApi(params("QueryUploadTask"),
                    new OpenApiRequest().setQuery(com.aliyun.openapiutil.Client.query(Map.of("UploadTaskId", taskId))), new RuntimeOptions())).get("Data");
            if (List.of("Success", "PartialSuccess", "Failed").contains(String.valueOf(task.get("Status")))) {
                break;
            }
            Thread.sleep(250);
        }
        return task;
    }

    private static Params params(String action) {
        return new Params().setAction(action).setVersion("2025-11-27").setProtocol("HTTP").setPathname("/").setMethod("POST")
                .setAuthType("AK").setStyle("RPC").setReqBodyType("json").setBodyType("json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> body(Map<String, ?> response) {
        return (Map<String, ?>) response.get("body");
    }

    // ---------------------------------------------------------------- signatures refused

    @Test
    void forgedStaleReplayedAndUnknownKeySignaturesAreRefusedAndNothingIsImported() throws Exception {
        Tenant tenant = BulkApi.newTenant();
        JsonNode key = BulkApi.signingKey(tenant);
        String keyId = key.path("KeyId").asText();
        String secret = key.path("KeySecret").asText();
        Map<String, String> upload = Map.of("CustomerListId", Long.toString(tenant.defaultListId()), "FileName", "customers-10.csv",
                "FileUrl", fileBase + "/data/customers-10.csv");
        int fetchedBefore = hits("/data/");

        assertAlibabaError(new Signed(keyId, secret, "BatchUploadCustomerManagement", upload).tamperSignature().send(), 400, "SignatureDoesNotMatch");
        assertAlibabaError(new Signed(keyId, "not-the-secret", "BatchUploadCustomerManagement", upload).send(), 400, "SignatureDoesNotMatch");
        assertAlibabaError(new Signed("LTAInosuchkey00000000000", secret, "BatchUploadCustomerManagement", upload).send(), 404,
                "InvalidAccessKeyId.NotFound");
        assertAlibabaError(new Signed(keyId, secret, "BatchUploadCustomerManagement", upload).at(Instant.now().minus(20, ChronoUnit.MINUTES)).send(),
                400, "InvalidTimeStamp.Expired");
        assertAlibabaError(new Signed(keyId, secret, "BatchUploadCustomerManagement", upload).withBody("{\"x\":1}", "{\"x\":2}").send(),
                400, "SignatureDoesNotMatch");
        assertAlibabaError(new Signed(keyId, secret, "NoSuchAction", Map.of()).send(), 404, "InvalidAction.NotFound");
        Reply unsigned = BulkApi.send(HttpRequest.newBuilder(URI.create(BulkApi.BASE + "/?Action=QueryCustomerManagementList&Version=2025-11-27"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertAlibabaError(unsigned, 400, "IncompleteSignature");

        Signed once = new Signed(keyId, secret, "QueryCustomerManagementList", Map.of());
        assertEquals(200, once.send().status());
        assertAlibabaError(once.send(), 400, "SignatureNonceUsed");

        assertEquals(204, BulkApi.send(HttpRequest.newBuilder(URI.create(BulkApi.BASE + "/admin/v1/signing-keys/" + keyId))
                .header("X-Admin-Key", BulkApi.ADMIN_KEY).DELETE()).status());
        assertAlibabaError(new Signed(keyId, secret, "QueryCustomerManagementList", Map.of()).send(), 404, "InvalidAccessKeyId.NotFound");

        assertEquals(fetchedBefore, hits("/data/"), "nothing was fetched");
        JsonNode uploads = BulkApi.send(BulkApi.withHeaders(HttpRequest.newBuilder(URI.create(BulkApi.BASE + "/api/v1/uploads")).GET(),
                tenant.headers())).json().path("Uploads");
        assertEquals(0, uploads.size(), "nothing was opened: " + uploads);
    }

    // ---------------------------------------------------------------- URLs refused

    @Test
    void fileUrlsAServerMustNotFetchFailTheirTaskWithTheReasonAndNothingIsImported() throws Exception {
        Tenant tenant = BulkApi.newTenant();
        JsonNode key = BulkApi.signingKey(tenant);
        String keyId = key.path("KeyId").asText();
        String secret = key.path("KeySecret").asText();
        int port = files.getAddress().getPort();
        int fetchedBefore = hits("/data/");

        for (String url : List.of("file:///etc/passwd", "ftp://127.0.0.1/customers-10.csv", "gopher://127.0.0.1:70/_GET", "not a url")) {
            Reply refused = submit(keyId, secret, tenant, url);
            assertAlibabaError(refused, 400, "InvalidParameter");
        }
        Map<String, String> failures = new LinkedHashMap<>();
        failures.put("http://localhost:" + port + "/data/customers-10.csv", "not a public address");
        failures.put("http://[::1]:" + port + "/data/customers-10.csv", "not a public address");
        failures.put("http://169.254.169.254/latest/meta-data/customers-10.csv", "169.254.169.254");
        failures.put("http://10.20.30.40/customers-10.csv", "not a public address");
        failures.put(fileBase + "/to-localhost", "not a public address");
        failures.put(fileBase + "/huge.csv", "larger than the limit");
        failures.put(fileBase + "/slow.csv", "read timed out");
        for (Map.Entry<String, String> failure : failures.entrySet()) {
            Reply created = submit(keyId, secret, tenant, failure.getKey());
            assertEquals(200, created.status(), created.body());
            JsonNode task = awaitTask(keyId, secret, created.json().path("Data").path("UploadTaskId").asText());
            assertEquals("Failed", task.path("Status").asText(), failure.getKey() + ": " + task);
            assertTrue(task.path("ErrorMessage").asText().contains(failure.getValue()), failure.getKey() + ": " + task);
        }
        assertEquals(fetchedBefore, hits("/data/"), "no refused URL reached a file");
        assertEquals(1, hits("/to-localhost"), "the redirect was read, its target never");
        JsonNode lists = BulkApi.send(BulkApi.withHeaders(HttpRequest.newBuilder(URI.create(BulkApi.BASE + "/api/v1/lists")).GET(),
                tenant.headers())).json().path("CustomerLists");
        assertEquals(0, lists.path(0).path("CustomerCount").asLong(), "nothing was imported: " + lists);
    }

    @Test
    void anotherAccountsListAndTaskAnswerLikeUnknownOnes() throws Exception {
        Tenant owner = BulkApi.newTenant();
        Tenant stranger = BulkApi.newTenant();
        JsonNode ownerKey = BulkApi.signingKey(owner);
        JsonNode strangerKey = BulkApi.signingKey(stranger);
        Reply created = submit(ownerKey.path("KeyId").asText(), ownerKey.path("KeySecret").asText(), owner, fileBase + "/data/customers-10.csv");
        String taskId = created.json().path("Data").path("UploadTaskId").asText();

        String keyId = strangerKey.path("KeyId").asText();
        String secret = strangerKey.path("KeySecret").asText();
        Reply theirs = new Signed(keyId, secret, "QueryUploadTask", Map.of("UploadTaskId", taskId)).send();
        Reply unknown = new Signed(keyId, secret, "QueryUploadTask", Map.of("UploadTaskId", "0123456789abcdef0123")).send();
        assertAlibabaError(theirs, 404, unknown.json().path("Code").asText());
        assertEquals(unknown.json().path("Message"), theirs.json().path("Message"));
        Reply theirList = submit(keyId, secret, stranger, Long.toString(owner.defaultListId()), fileBase + "/data/customers-10.csv");
        Reply noList = submit(keyId, secret, stranger, "987654321", fileBase + "/data/customers-10.csv");
        assertAlibabaError(theirList, 404, noList.json().path("Code").asText());
        assertEquals(noList.json().path("Message").asText().replace("987654321", "N"),
                theirList.json().path("Message").asText().replace(Long.toString(owner.defaultListId()), "N"));
    }

    // ---------------------------------------------------------------- helpers


    private static Reply submit(String keyId, String secret, Tenant tenant, String url) throws Exception {
        return submit(keyId, secret, tenant, Long.toString(tenant.defaultListId()), url);
    }

    private static Reply submit(String keyId, String secret, Tenant tenant, String listId, String url) throws Exception {
        return new Signed(keyId, secret, "BatchUploadCustomerManagement",
                Map.of("CustomerListId", listId, "FileName", "customers-10.csv", "FileUrl", url)).send();
    }

    private static JsonNode awaitTask(String keyId, String secret, String taskId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode task = new Signed(keyId, secret, "QueryUploadTask", Map.of("UploadTaskId", taskId)).send().json().path("Data");
            if (List.of("Success", "PartialSuccess", "Failed").contains(task.path("Status").asText()) || System.nanoTime() > deadline) {
                return task;
            }
            Thread.sleep(250);
        }
    }

    private static void assertAlibabaError(Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals(code, reply.json().path("Code").asText(), reply.body());
        assertTrue(!reply.json().path("RequestId").asText().isEmpty() && !reply.json().path("Message").asText().isEmpty(), reply.body());
    }

    /**
     * A V3 (ACS3-HMAC-SHA256) request signed by this test as the SDKs sign it, so that it can be
     * spoiled in one way at a time: the signature, the timestamp, the body.
     */
    private static final class Signed {
        private final String keyId;
        private final String secret;
        private final String action;
        private final Map<String, String> query;
        private Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        private final String nonce = UUID.randomUUID().toString();
        private String signedBody = "";
        private String sentBody = "";
        private boolean tampered;

        Signed(String keyId, String secret, String action, Map<String, String> query) {
            this.keyId = keyId;
            this.secret = secret;
            this.action = action;
            this.query = new TreeMap<>(query);
        }

        Signed at(Instant instant) {
            at = instant.truncatedTo(ChronoUnit.SECONDS);
            return this;
        }

        Signed withBody(String signed, String sent) {
            signedBody = signed;
            sentBody = sent;
            return this;
        }

        Signed tamperSignature() {
            tampered = true;
            return this;
        }

        Reply send() throws Exception {
            StringBuilder canonicalQuery = new StringBuilder();
            StringBuilder rawQuery = new StringBuilder();
            for (Map.Entry<String, String> entry : query.entrySet()) {
                String pair = entry.getKey() + "=" + encode(entry.getValue());
                canonicalQuery.append(canonicalQuery.length() == 0 ? "" : "&").append(pair);
                rawQuery.append(rawQuery.length() == 0 ? "" : "&").append(pair);
            }
            String bodyHash = hex(MessageDigest.getInstance("SHA-256").digest(signedBody.getBytes(StandardCharsets.UTF_8)));
            Map<String, String> headers = new TreeMap<>();
            headers.put("host", "localhost:8080");
            headers.put("x-acs-action", action);
            headers.put("x-acs-content-sha256", bodyHash);
            headers.put("x-acs-date", at.toString());
            headers.put("x-acs-signature-nonce", nonce);
            headers.put("x-acs-version", "2025-11-27");
            if (!signedBody.isEmpty()) {
                headers.put("content-type", "application/json; charset=utf-8");
            }
            StringBuilder canonical = new StringBuilder("POST\n/\n").append(canonicalQuery).append('\n');
            headers.forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
            String signedHeaders = String.join(";", headers.keySet());
            canonical.append('\n').append(signedHeaders).append('\n').append(bodyHash);
            String stringToSign = "ACS3-HMAC-SHA256\n" + hex(MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = hex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
            if (tampered) {
                signature = (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BulkApi.BASE + "/?" + rawQuery))
                    .POST(HttpRequest.BodyPublishers.ofString(sentBody))
                    .header("Authorization", "ACS3-HMAC-SHA256 Credential=" + keyId + ",SignedHeaders=" + signedHeaders + ",Signature=" + signature);
            headers.forEach((name, value) -> {
                if (!name.equals("host")) {
                    request.header(name, value);
                }
            });
            return BulkApi.send(request);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
        }

        private static String hex(byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
    }
}
