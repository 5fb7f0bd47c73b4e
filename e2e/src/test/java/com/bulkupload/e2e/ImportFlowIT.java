package com.bulkupload.e2e;

import static com.bulkupload.e2e.BulkApi.json;
import static com.bulkupload.e2e.JsonApiIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.e2e.BulkApi.Reply;
import com.bulkupload.e2e.BulkApi.Tenant;
import com.bulkupload.e2e.client.BulkService;
import com.bulkupload.e2e.client.GetBulkUploadStatusRequest;
import com.bulkupload.e2e.client.GetBulkUploadStatusResponse;
import com.bulkupload.e2e.client.GetBulkUploadUrlRequest;
import com.bulkupload.e2e.client.GetBulkUploadUrlResponse;
import com.bulkupload.e2e.client.IBulkService;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.xml.ws.Holder;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files in, rows out: the whole import flow over JSON and SOAP with the sample files of
 * ../shared/data and their outcomes in EXPECTED.md, and generated files checked against
 * gen-customers --expect.
 */
@ServerTest
@RunAsClient
class ImportFlowIT {

    static final Path SHARED = Path.of(System.getProperty("e2e.shared.dir", "../../shared"));
    static final Path DATA = SHARED.resolve("data");
    static final Duration WAIT = Duration.ofMinutes(5);

    @TempDir
    Path work;

    /** GetBulkUploadUrl, upload, poll to the end. */
    static JsonNode importFile(Tenant tenant, String responseMode, Path file, String... fields) {
        Reply url = BulkApi.getBulkUploadUrl(tenant, json("ResponseMode", responseMode, "AccountId", tenant.accountId()));
        assertEquals(200, url.status(), url.body());
        Reply upload = BulkApi.upload(tenant, url.json().get("UploadUrl").asText(), file, fields);
        assertEquals(200, upload.status(), upload.body());
        return BulkApi.awaitFinalStatus(tenant, url.json().get("RequestId").asText(), WAIT);
    }

    static List<CSVRecord> resultFile(JsonNode status) throws IOException {
        String csv = BulkApi.resultCsv(status.get("ResultFileUrl").asText());
        assertTrue(csv.startsWith("\uFEFF"), "UTF-8 BOM for spreadsheets");
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
    }

    /** What the list holds, keyed by email, ids and timestamps left out. */
    static Map<String, String> listContent(Tenant tenant) {
        return BulkApi.listCustomers(tenant, tenant.defaultListId()).stream()
                .sorted(Comparator.comparing(c -> c.get("Email").asText()))
                .collect(Collectors.toMap(c -> c.get("Email").asText(), c -> String.join("|",
                        c.get("Phone").asText(), c.get("ExternalId").asText(), c.get("FirstName").asText(), c.get("LastName").asText(),
                        c.get("Company").asText(), c.get("Country").asText(), c.get("City").asText(), c.get("PartitionName").asText()),
                        (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    void messyCsvOverJsonWithEveryRowInTheResult() throws IOException {
        Tenant tenant = BulkApi.newTenant();
        JsonNode status = importFile(tenant, "ErrorsAndResults", DATA.resolve("messy.csv"));
        assertEquals("CompletedWithErrors", status.get("RequestStatus").asText(), status.toString());
        assertEquals(100, status.get("PercentComplete").asInt());
        assertEquals(11, status.get("RowsProcessed").asLong());
        assertEquals(5, status.get("RowsFailed").asLong());
        assertEquals(0, status.get("RowsWithWarning").asLong());
        assertEquals(1, status.get("Errors").size());
        assertEquals("UnknownColumnsIgnored", status.get("Errors").get(0).get("ErrorCode").asText());
        assertTrue(status.get("Errors").get(0).get("Details").asText().contains("Favourite Colour"));

        List<CSVRecord> rows = resultFile(status);
        assertEquals(11, rows.size());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("r2", "Inserted");
        expected.put("r3", "Inserted");
        expected.put("r4", "Failed:InvalidEmail");
        expected.put("r5", "Failed:MissingLookupValue");
        expected.put("r6", "Failed:WrongFieldCount");
        expected.put("r7", "Failed:InvalidPhone");
        expected.put("r8", "Inserted");
        expected.put("r9", "Updated");
        expected.put("r10", "Deleted");
        expected.put("r11", "Failed:ValueTooLong");
        expected.put("r12", "Inserted");
        for (CSVRecord row : rows) {
            String clientId = row.get("ClientId");
            assertEquals(clientId.substring(1), row.get("Row"), "Row is the record number, header = 1");
            String result = row.get("Result").equals("Failed") ? "Failed:" + row.get("ErrorCode") : row.get("Result");
            assertEquals(expected.get(clientId), result, clientId);
            if (!row.get("Result").equals("Failed")) {
                assertFalse(row.get("CustomerId").isEmpty(), clientId + " has its CustomerId");
            }
        }
        assertEquals(rows.get(0).get("CustomerId"), rows.get(7).get("CustomerId"), "r9 updated the customer r2 inserted");

        Map<String, String> list = listContent(tenant);
        assertEquals(List.of("alice@example.com", "bob@example.com", "ivan@example.com"), new ArrayList<>(list.keySet()));
        assertTrue(list.get("alice@example.com").contains("|Wang-Updated|"));
        assertTrue(list.get("bob@example.com").contains("|Multi\r\nLine Corp|"), list.get("bob@example.com"));
        assertTrue(list.get("ivan@example.com").contains("Иван|Петров|Яндекс"));
    }

    @Test
    void messyCsvOverSoapWithOnlyErrorsInTheResult() throws Exception {
        Tenant tenant = BulkApi.newTenant();
        IBulkService port = new BulkService(URI.create(BulkApi.BASE + "/Bulk/v13/BulkService.svc?wsdl").toURL())
                .getBasicHttpBindingIBulkService();
        GetBulkUploadUrlRequest request = new GetBulkUploadUrlRequest();
        request.setResponseMode("ErrorsOnly");
        request.setAccountId(tenant.accountId());
        String account = "" + tenant.accountId();
        String customer = "" + tenant.customerId();
        GetBulkUploadUrlResponse url = port.getBulkUploadUrl(request, tenant.accessToken(), account, customer, tenant.developerToken(), new Holder<>());
        assertEquals(200, BulkApi.upload(tenant, url.getUploadUrl(), DATA.resolve("messy.csv")).status());

        GetBulkUploadStatusRequest statusRequest = new GetBulkUploadStatusRequest();
        statusRequest.setRequestId(url.getRequestId());
        GetBulkUploadStatusResponse status;
        long deadline = System.nanoTime() + WAIT.toNanos();
        do {
            Thread.sleep(200);
            status = port.getBulkUploadStatus(statusRequest, tenant.accessToken(), account, customer, tenant.developerToken(), new Holder<>());
        } while (!status.getRequestStatus().startsWith("Completed") && System.nanoTime() < deadline);
        assertEquals("CompletedWithErrors", status.getRequestStatus());
        assertEquals(java.util.Map.of("RowsProcessed", "11", "RowsFailed", "5", "RowsWithWarning", "0"), SoapApiIT.counters(status));
        assertEquals(3308, status.getErrors().getOperationError().get(0).getCode());
        assertNotNull(status.getResultFileUrl());

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(BulkApi.resultCsv(status.getResultFileUrl()).substring(1))).getRecords();
        assertEquals(List.of("r4", "r5", "r6", "r7", "r11"), rows.stream().map(r -> r.get("ClientId")).toList());
        assertEquals(3, listContent(tenant).size());
    }

    @Test
    void everyTenRowFormatGivesTheSameList() throws IOException {
        Tenant csvTenant = BulkApi.newTenant();
        JsonNode csv = importFile(csvTenant, "ErrorsOnly", DATA.resolve("customers-10.csv"));
        assertEquals("Completed", csv.get("RequestStatus").asText(), csv.toString());
        Map<String, String> expected = listContent(csvTenant);
        assertEquals(10, expected.size());
        assertTrue(expected.values().stream().anyMatch(v -> v.contains("杭州")));

        for (String file : List.of("customers-10.tsv", "customers-10.ssv", "customers-10.xlsx", "customers-10.csv.gz", "customers-10.zip")) {
            Tenant tenant = BulkApi.newTenant();
            JsonNode status = importFile(tenant, "ErrorsOnly", DATA.resolve(file));
            assertEquals("Completed", status.get("RequestStatus").asText(), file + ": " + status);
            assertEquals(10, status.get("RowsProcessed").asLong(), file);
            assertEquals(expected, listContent(tenant), file);
        }

        Tenant gbTenant = BulkApi.newTenant();
        JsonNode gb = importFile(gbTenant, "ErrorsOnly", DATA.resolve("customers-10-gb18030.csv"), "charset", "GB18030");
        assertEquals("Completed", gb.get("RequestStatus").asText(), gb.toString());
        Tenant utf16Tenant = BulkApi.newTenant();
        JsonNode utf16 = importFile(utf16Tenant, "ErrorsOnly", DATA.resolve("customers-10-utf16.csv"));
        assertEquals("Completed", utf16.get("RequestStatus").asText(), utf16.toString());
        Map<String, String> chinese = listContent(gbTenant);
        assertEquals(10, chinese.size());
        assertEquals(chinese, listContent(utf16Tenant));
        assertTrue(chinese.values().stream().anyMatch(v -> v.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF)), "Chinese names intact");
    }

    @Test
    void badFilesGetTheirStatus() {
        Tenant tenant = BulkApi.newTenant();
        assertFailed(tenant, "bad/empty.csv", "UploadFileFormatNotSupported", 3211);
        assertFailed(tenant, "bad/random.bin", "UploadFileFormatNotSupported", 3211);
        assertFailed(tenant, "bad/image.png.csv", "UploadFileFormatNotSupported", 3211);
        assertFailed(tenant, "bad/two-entries.zip", "UploadFileFormatNotSupported", 3211);
        assertFailed(tenant, "bad/nested.zip", "UploadFileFormatNotSupported", 3211);
        assertFailed(tenant, "bad/zip-bomb.zip", "Failed", 3210);
        assertFailed(tenant, "bad/gzip-bomb.csv.gz", "Failed", 3210);
        assertFailed(tenant, "bad/unterminated-quote.csv", "UploadFileFormatNotSupported", 3211);
        JsonNode duplicate = assertFailed(tenant, "bad/duplicate-header.csv", "UploadFileFormatNotSupported", 3211);
        assertTrue(duplicate.get("Errors").get(0).get("Details").asText().contains("duplicate column Email"));
        JsonNode latin1 = assertFailed(tenant, "bad/latin1-without-charset.csv", "UploadFileFormatNotSupported", 3211);
        assertTrue(latin1.get("Errors").get(0).get("Details").asText().contains("Row 2"), latin1.toString());

        JsonNode headerOnly = importFile(tenant, "ErrorsOnly", DATA.resolve("bad/header-only.csv"));
        assertEquals("Completed", headerOnly.get("RequestStatus").asText());
        assertEquals(0, headerOnly.get("RowsProcessed").asLong());
        assertEquals(0, listContent(tenant).size(), "nothing of the failed files reached the list");

        JsonNode declared = importFile(tenant, "ErrorsOnly", DATA.resolve("bad/latin1-without-charset.csv"), "charset", "ISO-8859-1");
        assertEquals("Completed", declared.get("RequestStatus").asText(), declared.toString());
        assertEquals("René|Zürich", BulkApi.listCustomers(tenant, tenant.defaultListId()).stream()
                .map(c -> c.get("FirstName").asText() + "|" + c.get("City").asText()).findFirst().orElseThrow());
    }

    @Test
    void aGb18030FileSentWithoutItsCharsetFailsNamingGb18030() {
        JsonNode status = assertFailed(BulkApi.newTenant(), "customers-10-gb18030.csv", "UploadFileFormatNotSupported", 3211);
        String details = status.get("Errors").get(0).get("Details").asText();
        assertTrue(details.contains("it looks like GB18030") && details.contains("charset"), details);
    }

    @Test
    void phonesWrittenWithSeparatorsAreOneCustomersPhone() throws IOException {
        Tenant tenant = BulkApi.newTenant();
        Path first = work.resolve("phones-1.csv");
        Files.writeString(first, "Phone,FirstName,ClientId\n+8613800000001,Li,p1\n(555) 123-4567,Ann,p2\n+1.555.123.4567,Bo,p3\n");
        JsonNode one = importPhones(tenant, first);
        assertEquals("Completed", one.get("RequestStatus").asText(), one.toString());
        Path second = work.resolve("phones-2.csv");
        Files.writeString(second, "Phone,FirstName,ClientId\n+86 138-0000-0001,Lei,q1\n");
        JsonNode two = importPhones(tenant, second);
        assertEquals("Completed", two.get("RequestStatus").asText(), two.toString());
        List<CSVRecord> rows = resultFile(two);
        assertEquals("Updated", rows.get(0).get("Result"), "found the customer stored from +8613800000001");
        assertEquals("+86 138-0000-0001", rows.get(0).get("Phone"), "the result file keeps the value as sent");
        List<JsonNode> customers = BulkApi.listCustomers(tenant, tenant.defaultListId());
        assertEquals(List.of("+8613800000001 Lei", "5551234567 Ann", "+15551234567 Bo"),
                customers.stream().map(c -> c.get("Phone").asText() + " " + c.get("FirstName").asText()).toList());
        // the read API's phone filter takes the phone as people write it, too
        Reply filtered = BulkApi.send(BulkApi.withHeaders(java.net.http.HttpRequest.newBuilder(java.net.URI.create(BulkApi.BASE
                + "/api/v1/lists/" + tenant.defaultListId() + "/customers?phone=%2B86%20138-0000-0001")).GET(), tenant.headers()));
        assertEquals(1, filtered.json().get("Customers").size(), filtered.body());
    }

    private static JsonNode importPhones(Tenant tenant, Path file) {
        Reply url = BulkApi.getBulkUploadUrl(tenant, json("ResponseMode", "ErrorsAndResults", "AccountId", tenant.accountId(), "LookupField", "Phone"));
        assertEquals(200, BulkApi.upload(tenant, url.json().get("UploadUrl").asText(), file).status());
        return BulkApi.awaitFinalStatus(tenant, url.json().get("RequestId").asText(), WAIT);
    }

    private static JsonNode assertFailed(Tenant tenant, String file, String status, int code) {
        JsonNode result = importFile(tenant, "ErrorsOnly", DATA.resolve(file));
        assertEquals(status, result.get("RequestStatus").asText(), file + ": " + result);
        assertEquals(code, result.get("Errors").get(0).get("Code").asInt(), file);
        assertEquals(0, result.get("PercentComplete").asInt());
        assertTrue(result.get("ResultFileUrl").isNull());
        return result;
    }

    @Test
    void oneFilePerRequestInsideItsWindow() throws InterruptedException {
        Tenant tenant = BulkApi.newTenant();
        Tenant other = BulkApi.newTenant();
        Reply url = BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId()));
        String uploadUrl = url.json().get("UploadUrl").asText();
        assertError(BulkApi.upload(other, uploadUrl, DATA.resolve("customers-10.csv")), 404, 3200);
        assertEquals(200, BulkApi.upload(tenant, uploadUrl, DATA.resolve("customers-10.csv")).status());
        assertError(BulkApi.upload(tenant, uploadUrl, DATA.resolve("customers-10.csv")), 400, 3213);

        // the e2e server's window is 4 seconds (15 minutes in production)
        String late = BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId())).json().get("UploadUrl").asText();
        Thread.sleep(5_000);
        assertError(BulkApi.upload(tenant, late, DATA.resolve("customers-10.csv")), 400, 3201);
        BulkApi.awaitFinalStatus(tenant, url.json().get("RequestId").asText(), WAIT);
    }

    @Test
    void resultFileUrlIsSignedPersonalAndShortLived() throws Exception {
        Tenant tenant = BulkApi.newTenant();
        Tenant other = BulkApi.newTenant();
        Reply url = BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId()));
        String requestId = url.json().get("RequestId").asText();
        BulkApi.upload(tenant, url.json().get("UploadUrl").asText(), DATA.resolve("customers-10.csv"));
        String resultUrl = BulkApi.awaitFinalStatus(tenant, requestId, WAIT).get("ResultFileUrl").asText();

        String ok = BulkApi.resultCsv(resultUrl);
        assertTrue(ok.startsWith("\uFEFFClientId,Email"), ok);

        String forged = resultUrl.replaceFirst("signature=[0-9a-f]", "signature=" + (resultUrl.contains("signature=0") ? "1" : "0"));
        assertError(BulkApi.getAbsolute(forged), 403, 3214);
        String later = resultUrl.replaceFirst("expires=(\\d+)", "expires=9999999999");
        assertError(BulkApi.getAbsolute(later), 403, 3214);
        assertError(BulkApi.getAbsolute(resultUrl.replaceFirst("\\?.*", "")), 403, 3214);
        assertError(BulkApi.getBulkUploadStatus(other, requestId), 400, 3200);

        // the e2e server signs URLs for 3 seconds (5 minutes in production)
        Thread.sleep(3_500);
        assertError(BulkApi.getAbsolute(resultUrl), 403, 3214);
        assertEquals(200, BulkApi.getAbsolute(BulkApi.getBulkUploadStatus(tenant, requestId).json().get("ResultFileUrl").asText()).status(),
                "a new status call gives a fresh URL");
    }

    @Test
    void readApiPagesAndKeepsToTheCallersLists() {
        Tenant tenant = BulkApi.newTenant();
        Tenant other = BulkApi.newTenant();
        importFile(tenant, "ErrorsOnly", DATA.resolve("customers-10.csv"));
        List<String> emails = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Reply page = BulkApi.send(BulkApi.withHeaders(java.net.http.HttpRequest.newBuilder(URI.create(BulkApi.BASE + "/api/v1/lists/"
                    + tenant.defaultListId() + "/customers?pageSize=4" + (token == null ? "" : "&pageToken=" + token))).GET(), tenant.headers()));
            assertEquals(200, page.status(), page.body());
            page.json().get("Customers").forEach(c -> emails.add(c.get("Email").asText()));
            token = page.json().has("NextPageToken") ? page.json().get("NextPageToken").asText() : null;
            pages++;
        } while (token != null);
        assertEquals(3, pages);
        assertEquals(10, emails.size());
        assertEquals(10, emails.stream().distinct().count());

        Reply filtered = BulkApi.send(BulkApi.withHeaders(java.net.http.HttpRequest.newBuilder(URI.create(BulkApi.BASE + "/api/v1/lists/"
                + tenant.defaultListId() + "/customers?email=" + emails.get(0).toUpperCase())).GET(), tenant.headers()));
        assertEquals(1, filtered.json().get("Customers").size());

        Reply foreign = BulkApi.send(BulkApi.withHeaders(java.net.http.HttpRequest.newBuilder(URI.create(BulkApi.BASE + "/api/v1/lists/"
                + tenant.defaultListId() + "/customers")).GET(), other.headers()));
        assertError(foreign, 400, 3204);
    }

    @Test
    void accountCapOnActiveUploads() throws IOException, InterruptedException {
        // the e2e server allows 3 active uploads per account (BULK_MAX_ACTIVE_UPLOADS; 10 in production);
        // one account's imports run one at a time, so the later ones wait queued
        // big enough that the first import is still running when the fourth file comes (30,000 rows: 1-2 s)
        Path file = generate(30_000, "cap");
        Tenant tenant = BulkApi.newTenant();
        List<String> requests = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // URLs asked for in advance: a request waiting for its file is not active yet
            Reply url = BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId()));
            requests.add(url.json().get("RequestId").asText());
            urls.add(url.json().get("UploadUrl").asText());
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(200, BulkApi.upload(tenant, urls.get(i), file).status());
        }
        // the Bing JSON operation answers 400, the only status Microsoft's REST SDK parses for it (CONTRACT §4)
        assertError(BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId())), 400, 3202);
        // ... and the cap holds at the upload as well: the fourth file waits, its request stays retryable
        assertError(BulkApi.upload(tenant, urls.get(3), DATA.resolve("customers-10.csv")), 429, 3202);
        assertEquals("PendingFileUpload", BulkApi.getBulkUploadStatus(tenant, requests.remove(3)).json().get("RequestStatus").asText());
        Tenant neighbour = BulkApi.newTenant();
        assertEquals(200, BulkApi.getBulkUploadUrl(neighbour, json("AccountId", neighbour.accountId())).status(), "the cap is per account");
        for (String requestId : requests) {
            assertEquals("Completed", BulkApi.awaitFinalStatus(tenant, requestId, WAIT).get("RequestStatus").asText());
        }
        assertEquals(200, BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId())).status());
    }

    @Test
    void hundredThousandRowsMatchTheGeneratorsExpectation() throws IOException, InterruptedException {
        Path file = generate(100_000, "big", "--bad-rate", "0.01", "--dup-rate", "0.05");
        JsonNode expect = BulkApi.JSON.readTree(work.resolve("big.json").toFile());
        Tenant tenant = BulkApi.newTenant();
        JsonNode status = importFile(tenant, "ErrorsOnly", file);
        assertEquals("CompletedWithErrors", status.get("RequestStatus").asText(), status.toString());
        assertEquals(expect.get("rows").asLong(), status.get("RowsProcessed").asLong());
        assertEquals(expect.get("failed").asLong(), status.get("RowsFailed").asLong());
        assertEquals(expect.get("failed").asLong(), resultFile(status).stream().filter(r -> r.get("Result").equals("Failed")).count());
        assertEquals(expect.get("distinct_emails").asLong(), BulkApi.listCustomers(tenant, tenant.defaultListId()).size());
    }

    @Test
    void sizeAndRowLimits() throws IOException, InterruptedException {
        // the e2e server allows 20,000,000 bytes and 100,000 rows (100 MB and 4,000,000 in production)
        Tenant tenant = BulkApi.newTenant();
        Path large = work.resolve("large.csv");
        try (java.io.Writer out = Files.newBufferedWriter(large)) {
            out.write("Email,FirstName\n");
            for (int i = 0; Files.size(large) <= 20_000_000 || i % 1000 != 0; i++) {
                out.write("someone" + i + "@example.com,A rather long first name to fill the file up quickly\n");
                if (i % 1000 == 0) {
                    out.flush();
                }
            }
        }
        Reply url = BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId()));
        assertError(BulkApi.upload(tenant, url.json().get("UploadUrl").asText(), large), 413, 3210);
        assertEquals("PendingFileUpload", BulkApi.getBulkUploadStatus(tenant, url.json().get("RequestId").asText())
                .json().get("RequestStatus").asText(), "a refused upload leaves the request open for a retry");

        JsonNode tooMany = importFile(tenant, "ErrorsOnly", generate(100_001, "too-many"));
        assertEquals("UploadFileRowCountExceeded", tooMany.get("RequestStatus").asText(), tooMany.toString());
        assertEquals(3212, tooMany.get("Errors").get(0).get("Code").asInt());
        assertEquals(0, tooMany.get("RowsProcessed").asLong());
        assertEquals(0, listContent(tenant).size(), "nothing was applied");
    }

    private Path generate(int rows, String name, String... options) throws IOException, InterruptedException {
        Path out = work.resolve(name + ".csv");
        List<String> command = new ArrayList<>(List.of(SHARED.resolve("tools/gen-customers").toString(), "--rows", Integer.toString(rows),
                "--out", out.toString(), "--expect", work.resolve(name + ".json").toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        assertTrue(Files.size(out) > 0);
        return out;
    }
}
