package com.bulkupload.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.e2e.BulkApi.Tenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files as people send them (CONTRACT §5, docs/columns.md): Chinese templates, CRM exports,
 * Excel's semicolon "CSV" and its blank rows import without a column renamed; two columns meaning
 * one field fail the file with 3221.
 */
@ServerTest
@RunAsClient
class PeoplesFilesIT {

    @TempDir
    Path work;

    private Path file(String name, String content, Charset charset) throws IOException {
        Path path = work.resolve(name);
        Files.write(path, content.getBytes(charset));
        return path;
    }

    private static JsonNode customer(Tenant tenant, String email) {
        List<JsonNode> found = BulkApi.listCustomers(tenant, tenant.defaultListId()).stream()
                .filter(c -> email.equals(c.get("Email").asText())).toList();
        assertEquals(1, found.size(), email);
        return found.get(0);
    }

    @Test
    void aChineseTemplateWithNotesInItsHeaderImportsEveryRow() throws IOException {
        Tenant tenant = BulkApi.newTenant();
        Path template = file("客户名单.csv", "姓名,邮箱,手机号码（必填）,公司名称,城市\r\n张伟,zhang.wei@example.cn,+86 138-0000-0001,杭州云数,杭州\r\n"
                + "李娜,li.na@example.cn,13900000002,上海数据,上海\r\n", StandardCharsets.UTF_8);
        JsonNode status = ImportFlowIT.importFile(tenant, "ErrorsAndResults", template);
        assertEquals("Completed", status.get("RequestStatus").asText(), status.toString());
        assertTrue(status.get("Errors").isNull(), "no column was ignored: " + status);
        JsonNode zhang = customer(tenant, "zhang.wei@example.cn");
        assertEquals("张伟", zhang.get("FullName").asText(), "a full name is kept as written");
        assertEquals("+8613800000001", zhang.get("Phone").asText());
        assertEquals("杭州云数", zhang.get("Company").asText());
        assertEquals("杭州", zhang.get("City").asText());
    }

    @Test
    void aChineseWorkbookTemplateImportsThroughTheUploadUrl() throws IOException {
        Tenant tenant = BulkApi.newTenant();
        Path workbook = work.resolve("客户模板.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.OutputStream out = Files.newOutputStream(workbook)) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("客户");
            String[][] cells = {{"姓名", "邮箱（必填）", "手机号码", "公司名称", "国家/地区"},
                    {"陈静", "chen.jing@example.cn", "13800000004", "深圳科技", "中国"},
                    {"林小明", "lin.xm@example.tw", "0912345678", "台北貿易", "台灣"}};
            for (int r = 0; r < cells.length; r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    row.createCell(c).setCellValue(cells[r][c]);
                }
            }
            book.write(out);
        }
        JsonNode status = ImportFlowIT.importFile(tenant, "ErrorsAndResults", workbook);
        assertEquals("Completed", status.get("RequestStatus").asText(), status.toString());
        assertTrue(status.get("Errors").isNull(), "every column recognised: " + status);
        JsonNode chen = customer(tenant, "chen.jing@example.cn");
        assertEquals("陈静", chen.get("FullName").asText());
        assertEquals("深圳科技", chen.get("Company").asText());
        assertEquals("中国", chen.get("Country").asText());
        assertEquals("台灣", customer(tenant, "lin.xm@example.tw").get("Country").asText());
    }

    @Test
    void aCrmExportAndAGb18030TemplateThroughMarketoImportAsTheyAre() throws IOException {
        Tenant tenant = BulkApi.newTenant();
        Path crm = file("contacts.csv", "First Name,Last Name,Email Address,Phone Number,Company Name,Country/Region\r\n"
                + "Ada,Lovelace,ada@example.com,+44 20 7946 0001,Analytical Engines,United Kingdom\r\n", StandardCharsets.UTF_8);
        JsonNode status = ImportFlowIT.importFile(tenant, "ErrorsOnly", crm);
        assertEquals("Completed", status.get("RequestStatus").asText(), status.toString());
        JsonNode ada = customer(tenant, "ada@example.com");
        assertEquals("Ada", ada.get("FirstName").asText());
        assertEquals("Lovelace", ada.get("LastName").asText());
        assertEquals("United Kingdom", ada.get("Country").asText());

        Path gb = file("leads.csv", "姓名,电子邮件,联系电话,國家\r\n王芳,wang.fang@example.cn,13700000003,中国\r\n", Charset.forName("GB18030"));
        String token = BulkApi.token(tenant.clientId(), tenant.clientSecret()).json().get("access_token").asText();
        BulkApi.Reply submitted = BulkApi.multipart(BulkApi.BASE + "/bulk/v1/leads.json?format=csv&access_token=" + token, List.of(), gb,
                "leads.csv", "text/csv; charset=GB18030");
        assertEquals(200, submitted.status(), submitted.body());
        String state = marketoBatchState(token, submitted.json().get("result").get(0).get("batchId").asText());
        assertEquals("Complete", state);
        JsonNode wang = customer(tenant, "wang.fang@example.cn");
        assertEquals("王芳", wang.get("FullName").asText());
        assertEquals("中国", wang.get("Country").asText());
    }

    @Test
    void excelsSemicolonCsvAndItsBlankRowsImportRowForRow() throws IOException {
        Tenant tenant = BulkApi.newTenant();
        Path excel = file("export.csv", "Email;FirstName;LastName;City\r\na@example.de;Anna;Müller;Köln\r\n;;;\r\n"
                + "b@example.de;Bernd;Schulz;Berlin\r\n;;;\r\nnot-an-email;Clara;Wolf;Bonn\r\n;;;\r\n", StandardCharsets.UTF_8);
        JsonNode status = ImportFlowIT.importFile(tenant, "ErrorsAndResults", excel);
        assertEquals("CompletedWithErrors", status.get("RequestStatus").asText(), status.toString());
        assertEquals(List.of("3", "1"), List.of(counter(status, "RowsProcessed"), counter(status, "RowsFailed")),
                "blank rows are no records: " + status);
        assertEquals("Köln", customer(tenant, "a@example.de").get("City").asText());
        // the delimiter found in the header line is the upload's, and its failed rows come back with it
        String requestId = apiGet(tenant, "/api/v1/uploads").json().get("Uploads").get(0).get("RequestId").asText();
        BulkApi.Reply detail = apiGet(tenant, "/api/v1/uploads/" + requestId);
        assertEquals(";", detail.json().get("Delimiter").asText(), detail.body());
        BulkApi.Reply failures = apiGet(tenant, "/api/v1/uploads/" + requestId + "/failures");
        assertEquals(200, failures.status(), failures.body());
        List<String> lines = failures.body().lines().toList();
        assertEquals(2, lines.size(), failures.body());
        assertEquals("Email;FirstName;LastName;City;Error", lines.get(0));
        assertTrue(lines.get(1).startsWith("not-an-email;Clara;Wolf;Bonn;"), lines.get(1));
        assertEquals(404, apiGet(BulkApi.newTenant(), "/api/v1/uploads/" + requestId).status(), "another account's upload is unknown");
    }

    private static BulkApi.Reply apiGet(Tenant tenant, String path) {
        return BulkApi.send(BulkApi.withHeaders(java.net.http.HttpRequest.newBuilder(java.net.URI.create(BulkApi.BASE + path)).GET(),
                tenant.headers()));
    }

    @Test
    void twoColumnsMeaningOneFieldFailTheFileNamingBoth() throws IOException {
        Tenant tenant = BulkApi.newTenant();
        Path both = file("both.csv", "Email,E-mail,FirstName\r\na@example.com,b@example.com,Ann\r\n", StandardCharsets.UTF_8);
        JsonNode status = ImportFlowIT.importFile(tenant, "ErrorsOnly", both);
        assertEquals("UploadFileFormatNotSupported", status.get("RequestStatus").asText(), status.toString());
        JsonNode error = status.get("Errors").get(0);
        assertEquals(3221, error.get("Code").asInt());
        assertTrue(error.get("Details").asText().contains("Email") && error.get("Details").asText().contains("E-mail"), error.toString());
    }

    /** Polls a Marketo batch until it is Complete (or a minute has passed); its last state. */
    private static String marketoBatchState(String token, String batch) {
        String state = "";
        for (long deadline = System.nanoTime() + 60_000_000_000L; !state.equals("Complete") && System.nanoTime() < deadline; ) {
            sleep(200);
            state = BulkApi.get("/bulk/v1/leads/batch/" + batch + ".json?access_token=" + token).json().get("result").get(0)
                    .get("status").asText();
        }
        return state;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String counter(JsonNode status, String name) {
        for (JsonNode entry : status.get("ForwardCompatibilityMap")) {
            if (entry.get("Key").asText().equals(name)) {
                return entry.get("Value").asText();
            }
        }
        throw new AssertionError(name + " missing: " + status);
    }

    @Test
    void explicitMappingsWinOverRecognitionAndAListsDefaultServesAMarketoUpload() throws IOException {
        Tenant tenant = BulkApi.newTenant();
        Path file = file("mapped.csv", "Contact,Mail,备注\r\nmapped@example.com,old@example.com,Shenzhen\r\n", StandardCharsets.UTF_8);
        BulkApi.Reply url = BulkApi.getBulkUploadUrl(tenant, "{\"AccountId\":" + tenant.accountId()
                + ",\"ColumnMappings\":{\"Contact\":\"Email\",\"Mail\":null,\"备注\":\"City\"}}");
        assertEquals(200, url.status(), url.body());
        assertEquals(200, BulkApi.upload(tenant, url.json().get("UploadUrl").asText(), file).status());
        JsonNode status = BulkApi.awaitFinalStatus(tenant, url.json().get("RequestId").asText(), java.time.Duration.ofSeconds(60));
        assertEquals("Completed", status.get("RequestStatus").asText(), status.toString());
        assertEquals("Shenzhen", customer(tenant, "mapped@example.com").get("City").asText());

        BulkApi.Reply refused = BulkApi.getBulkUploadUrl(tenant, "{\"AccountId\":" + tenant.accountId()
                + ",\"ColumnMappings\":{\"Contact\":\"Fax\"}}");
        assertEquals(400, refused.status(), refused.body());
        assertEquals(3222, refused.json().get("OperationErrors").get(0).get("Code").asInt());

        String list = "/api/v1/lists/" + tenant.defaultListId() + "/column-mapping";
        BulkApi.Reply put = BulkApi.send(BulkApi.withHeaders(java.net.http.HttpRequest.newBuilder(java.net.URI.create(BulkApi.BASE + list))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"ColumnMappings\":{\"Kontakt\":\"Email\",\"Ort\":\"City\"}}"))
                .header("Content-Type", "application/json"), tenant.headers()));
        assertEquals(200, put.status(), put.body());
        Path german = file("kontakte.csv", "Kontakt,Ort\r\nlist@example.com,Hamburg\r\n", StandardCharsets.UTF_8);
        String token = BulkApi.token(tenant.clientId(), tenant.clientSecret()).json().get("access_token").asText();
        BulkApi.Reply submitted = BulkApi.multipart(BulkApi.BASE + "/bulk/v1/leads.json?format=csv&access_token=" + token, List.of(),
                german, "kontakte.csv", "text/csv");
        assertEquals(200, submitted.status(), submitted.body());
        String state = marketoBatchState(token, submitted.json().get("result").get(0).get("batchId").asText());
        assertEquals("Complete", state, "the list's default mapping applied to a Marketo upload");
        assertEquals("Hamburg", customer(tenant, "list@example.com").get("City").asText());
        BulkApi.Reply uploads = BulkApi.send(BulkApi.withHeaders(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(BulkApi.BASE + "/api/v1/uploads")).GET(), tenant.headers()));
        JsonNode marketo = null;
        for (JsonNode upload : uploads.json().get("Uploads")) {
            if (upload.get("Protocol").asText().equals("Marketo")) {
                marketo = upload;
            }
        }
        assertEquals("{\"Kontakt\":\"Email\",\"Ort\":\"City\"}", String.valueOf(marketo == null ? null : marketo.get("ColumnMappings")),
                "the upload shows the list default it was read with: " + uploads.body());

        Path lacking = file("lacking.csv", "Email,City\r\nz@example.com,Bonn\r\n", StandardCharsets.UTF_8);
        JsonNode missing = ImportFlowIT.importFile(tenant, "ErrorsOnly", lacking);
        assertEquals("UploadFileFormatNotSupported", missing.get("RequestStatus").asText(), missing.toString());
        assertEquals(3223, missing.get("Errors").get(0).get("Code").asInt(), "the list's mapping names Kontakt, which this file lacks");
    }

    @Test
    void thePreviewShowsHowAFileWouldBeReadAndImportsNothing() throws IOException {
        Tenant tenant = BulkApi.newTenant();
        StringBuilder csv = new StringBuilder("姓名,Email Address,备注,Favourite Colour\r\n");
        for (int i = 1; i <= 8; i++) {
            csv.append("客户").append(i).append(",p").append(i).append("@example.cn,杭州,blue\r\n");
        }
        Path file = file("preview.csv", csv.toString(), StandardCharsets.UTF_8);
        BulkApi.Reply preview = BulkApi.multipart(BulkApi.BASE + "/api/v1/uploads/preview", tenant.headers(), file, "preview.csv",
                "text/csv", "ColumnMappings", "{\"备注\":\"City\"}");
        assertEquals(200, preview.status(), preview.body());
        List<String> columns = new java.util.ArrayList<>();
        preview.json().get("Columns").forEach(c -> columns.add(c.get("Header").asText() + "=" + c.get("Field").asText() + "/"
                + c.get("ResolvedBy").asText()));
        assertEquals(List.of("姓名=FullName/Alias", "Email Address=Email/Alias", "备注=City/Mapping", "Favourite Colour=null/Unrecognised"),
                columns);
        assertEquals(5, preview.json().get("Rows").size(), "the first five rows");
        assertEquals("客户1", preview.json().get("Rows").get(0).get(0).asText());
        assertTrue(preview.json().get("Format").asText().contains("delimited ','"), preview.body());
        assertEquals(",", preview.json().get("Delimiter").asText());
        assertTrue(preview.json().get("Fields").toString().contains("\"FullName\""), preview.body());
        BulkApi.Reply uploads = apiGet(tenant, "/api/v1/uploads");
        assertEquals(0, uploads.json().get("Uploads").size(), "a preview opens no request");

        // a big file: only its first lines are kept, cut at a line's end, and read as the same table
        StringBuilder big = new StringBuilder("Email|FirstName|City\n");
        for (int i = 0; big.length() < 3_000_000; i++) {
            big.append("big").append(i).append("@example.com|\"Name, ").append(i).append("\"|Stadt ").append(i).append('\n');
        }
        Path bigFile = file("big.txt", big.toString(), StandardCharsets.UTF_8);
        BulkApi.Reply bigPreview = BulkApi.multipart(BulkApi.BASE + "/api/v1/uploads/preview", tenant.headers(), bigFile, "big.txt",
                "text/plain");
        assertEquals(200, bigPreview.status(), bigPreview.body());
        assertEquals("|", bigPreview.json().get("Delimiter").asText());
        assertEquals("[\"big4@example.com\",\"Name, 4\",\"Stadt 4\"]", bigPreview.json().get("Rows").get(4).toString());
        assertEquals("UTF-8", bigPreview.json().get("Encoding").asText());
        assertEquals("Default", bigPreview.json().get("EncodingSource").asText());

        // a Chinese Excel export that names no encoding: previewed in the one it looks like, imported only when named
        Path gb = file("gb-export.csv", "姓名,邮箱,城市\r\n张伟,zw@example.cn,杭州\r\n", Charset.forName("GB18030"));
        BulkApi.Reply gbPreview = BulkApi.multipart(BulkApi.BASE + "/api/v1/uploads/preview", tenant.headers(), gb, "gb-export.csv", "text/csv");
        assertEquals(200, gbPreview.status(), gbPreview.body());
        assertEquals("GB18030", gbPreview.json().get("Encoding").asText());
        assertEquals("Guessed", gbPreview.json().get("EncodingSource").asText());
        assertEquals("[\"张伟\",\"zw@example.cn\",\"杭州\"]", gbPreview.json().get("Rows").get(0).toString());
        BulkApi.Reply declared = BulkApi.multipart(BulkApi.BASE + "/api/v1/uploads/preview", tenant.headers(), gb, "gb-export.csv", "text/csv",
                "charset", "GB18030");
        assertEquals("Declared", declared.json().get("EncodingSource").asText(), declared.body());
        assertEquals(null, BulkApi.multipart(BulkApi.BASE + "/api/v1/uploads/preview", tenant.headers(), ImportFlowIT.SHARED.resolve("data/customers-10.xlsx"),
                "customers-10.xlsx", "application/octet-stream").json().get("Encoding"), "a workbook has no encoding of its own to show");
    }
}
