package com.bulkupload.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.e2e.BulkApi.Tenant;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console (CONTRACT §12) in a real browser: Debian's headless Chromium driven by
 * Selenium through the provisioned server, as a person would use it. One browser for the class,
 * the steps in order (sign-in first); a screenshot of every page under
 * {@code e2e/target/console-screenshots/<database>/}; any JavaScript error in the browser's
 * console fails the step it happened in.
 */
@ServerTest
@RunAsClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final Path DATA = Path.of(System.getProperty("e2e.shared.dir", "../../shared"), "data").toAbsolutePath().normalize();
    private static final String DATABASE = System.getProperty("e2e.database", "h2");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots", DATABASE);
    private static final Path DOWNLOADS = Path.of("target", "console-downloads", DATABASE).toAbsolutePath();
    private static final Duration IMPORT = Duration.ofSeconds(60);

    private ChromeDriver browser;
    private WebDriverWait waiting;
    private Tenant tenant;
    private int screenshot;

    @BeforeAll
    void startBrowser() throws IOException {
        for (Path directory : List.of(SCREENSHOTS, DOWNLOADS)) {
            Files.createDirectories(directory);
            try (Stream<Path> old = Files.list(directory)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // the flags this machine's closed network needs (no background calls to Google's hosts)
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                "download.prompt_for_download", false));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // the pages redraw while they poll: an element found a moment ago may be replaced
        waiting = new WebDriverWait(browser, IMPORT);
        waiting.ignoring(StaleElementReferenceException.class);
        tenant = BulkApi.newTenant();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /**
     * No JavaScript error during the step. A refused call (the wrong secret's 401) is logged by
     * Chromium as "Failed to load resource": that is the network, not the page's script.
     */
    @AfterEach
    void noJavaScriptErrors() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.contains("Failed to load resource"))
                .toList();
        assertEquals(List.of(), errors, "JavaScript errors in the browser's console");
    }

    @Test
    @Order(1)
    void theRootRedirectsToTheConsoleAndAWrongSecretShowsTheSignInError() {
        browser.get(BulkApi.BASE + "/");
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
        assertTrue(browser.getCurrentUrl().startsWith(BulkApi.BASE + "/console/"), browser.getCurrentUrl());
        signIn(tenant.clientId(), "not-the-secret");
        WebElement notice = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertTrue(notice.getText().contains("Unknown client or wrong client secret") && notice.getText().contains("105"),
                notice.getText());
        assertTrue(notice.getText().contains("TrackingId"), notice.getText());
        assertEquals("", browser.findElement(By.id("client-secret")).getAttribute("value"), "the secret is not kept in the form");
        snap("sign-in-error");
    }

    @Test
    @Order(2)
    void signingInShowsTheAccountsUploadsAndKeepsNoSecret() {
        signIn(tenant.clientId(), tenant.clientSecret());
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("uploads")));
        assertEquals(Long.toString(tenant.accountId()), new Select(browser.findElement(By.id("account"))).getFirstSelectedOption()
                .getAttribute("value"));
        String stored = String.valueOf(browser.executeScript("return JSON.stringify(sessionStorage) + JSON.stringify(localStorage)"));
        assertTrue(!stored.contains(tenant.clientSecret()), "the secret is stored in the browser");
        snap("uploads-empty");
    }

    @Test
    @Order(3)
    void aCleanFileUploadedThroughTheFileInputReachesCompletedWithTenRows() {
        String requestId = uploadThroughTheForm(DATA.resolve("customers-10.csv"));
        awaitStatus("Completed");
        assertEquals("10", text(By.id("rows-processed")));
        assertEquals("0", text(By.id("rows-failed")));
        assertTrue(browser.findElement(By.id("result-file")).getAttribute("href").startsWith(BulkApi.BASE + "/files/results/"));
        snap("request-completed");
        browser.get(BulkApi.BASE + "/console/#/uploads");
        WebElement row = waiting.until(ExpectedConditions.visibilityOfElementLocated(rowOf(requestId)));
        assertTrue(row.getText().contains("Console"), row.getText());
        assertTrue(row.getText().contains("customers-10.csv"), row.getText());
    }

    @Test
    @Order(4)
    void aMessyFileListsItsFiveFailedRowsAndTheirDownloadHoldsExactlyThem() throws Exception {
        uploadThroughTheForm(DATA.resolve("messy.csv"));
        awaitStatus("CompletedWithErrors");
        assertEquals("11", text(By.id("rows-processed")));
        assertEquals("5", text(By.id("rows-failed")));
        assertTrue(browser.findElement(By.id("request")).getText().contains("Favourite Colour"), "the unknown column's warning is listed");
        browser.findElement(By.id("download-failed")).click();
        WebElement shown = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#failed-rows table")));
        Set<String> listed = shown.findElements(By.cssSelector("tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).get(0).getText()).collect(Collectors.toSet());
        assertEquals(Set.of("r4", "r5", "r6", "r7", "r11"), listed);
        snap("request-failed-rows");
        Path downloaded = awaitDownload();
        try (Reader reader = Files.newBufferedReader(downloaded, StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
            assertEquals(List.of("r4", "r5", "r6", "r7", "r11"), records.stream().map(r -> r.get("ClientId")).toList());
            assertTrue(records.stream().allMatch(r -> !r.get("Error").isBlank()), "every failed row says why");
        }
    }

    @Test
    @Order(5)
    void anEmptyFileShowsItsError() {
        uploadThroughTheForm(DATA.resolve("bad/empty.csv"));
        awaitStatus("UploadFileFormatNotSupported");
        String page = browser.findElement(By.id("request")).getText();
        assertTrue(page.contains("3211"), page);
        snap("request-bad-file");
    }

    @Test
    @Order(6)
    void anUploadMadeOverSoapAppearsInTheListWhileItRunsAndUpdatesByItself() throws Exception {
        String envelope = BulkApi.soapEnvelope(tenant.accessToken(), tenant.developerToken(), tenant.customerId(), tenant.accountId(), "",
                "<GetBulkUploadUrlRequest xmlns=\"" + BulkApi.SOAP_NS + "\"><ResponseMode>ErrorsOnly</ResponseMode><AccountId>"
                        + tenant.accountId() + "</AccountId></GetBulkUploadUrlRequest>");
        String reply = BulkApi.postXml("/Bulk/v13/BulkService.svc", envelope, "GetBulkUploadUrl").body();
        String requestId = element(reply, "RequestId");
        String uploadUrl = element(reply, "UploadUrl");
        browser.get(BulkApi.BASE + "/console/#/uploads");
        waiting.until(ExpectedConditions.visibilityOfElementLocated(rowOf(requestId)));
        String row = text(rowOf(requestId));
        assertTrue(row.contains("Bing") && row.contains("PendingFileUpload"), row);
        Path file = Files.createTempFile("console-soap", ".csv");
        try (var out = Files.newBufferedWriter(file)) {
            out.write("Email,FirstName\n");
            for (int i = 0; i < 30_000; i++) {
                out.write("soap" + i + "@example.com,Name" + i + "\n");
            }
        }
        assertEquals(200, BulkApi.upload(tenant, uploadUrl, file).status());
        snap("uploads-while-running");
        // the page was not reloaded: it polls while a request of the list runs
        waiting.until(d -> d.findElement(rowOf(requestId)).getText().contains("Completed"));
        assertTrue(text(rowOf(requestId)).contains("30000"), text(rowOf(requestId)));
        snap("uploads-after");
        Files.delete(file);
    }

    @Test
    @Order(7)
    void aGb18030FileWhoseEncodingIsNotNamedIsPreviewedAsGb18030AndSentWithItsNameAndItsChineseNamesShowAsTheyAre() {
        long listId = BulkApi.admin("/admin/v1/accounts/" + tenant.accountId() + "/lists", "中文客户").json().get("CustomerListId").asLong();
        browser.get(BulkApi.BASE + "/console/#/new");
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-form")));
        // the list first: choosing it after the file would preview again, with the charset the guess filled in
        new Select(browser.findElement(By.id("list"))).selectByValue(Long.toString(listId));
        browser.findElement(By.id("file")).sendKeys(DATA.resolve("customers-10-gb18030.csv").toString());
        String guess = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("encoding-guess"))).getText();
        assertTrue(guess.contains("looks like GB18030"), guess);
        assertEquals("GB18030", browser.findElement(By.id("charset")).getAttribute("value"));
        assertTrue(text(By.id("mapping-table")).contains("杭州"), "the rows are shown read in the guess");
        snap("new-upload-encoding-guessed");
        browser.findElement(By.id("upload")).click();
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("request-status")));
        awaitStatus("Completed");
        browser.get(BulkApi.BASE + "/console/#/lists");
        WebElement lists = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#lists table")));
        assertTrue(lists.getText().contains("中文客户"), lists.getText());
        snap("lists");
        browser.findElement(By.linkText("中文客户")).click();
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#customers table")));
        assertEquals(10, browser.findElements(By.cssSelector("#customers tbody tr")).size());
        browser.findElement(By.id("filter-email")).sendKeys("user1@example1.com");
        browser.findElement(By.id("apply-filters")).click();
        waiting.until(d -> d.findElements(By.cssSelector("#customers tbody tr")).size() == 1
                && d.findElement(By.cssSelector("#customers tbody tr")).getText().contains("user1@example1.com"));
        String customer = browser.findElement(By.cssSelector("#customers tbody tr")).getText();
        assertTrue(customer.contains("芳") && customer.contains("陈") && customer.contains("杭州"), customer);
        snap("list-customers-filtered");
    }

    @Test
    @Order(8)
    void theMappingStepShowsHowEachColumnIsReadAndAFieldChangedThereIsImported() throws Exception {
        Path file = Files.createTempFile("console-mapping", ".csv");
        // Excel's "CSV" in many locales: semicolons, a CRM's header, a column nothing recognises
        Files.writeString(file, "Email Address;Given Name;Notes\nmap1@example.com;Ann;Berlin\nmap2@example.com;Bo;Paris\n");
        browser.get(BulkApi.BASE + "/console/#/new");
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-form")));
        browser.findElement(By.id("file")).sendKeys(file.toString());
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("mapping-table")));
        assertTrue(text(By.id("read-as")).contains("delimited ';'"), text(By.id("read-as")));
        assertEquals("Email", new Select(browser.findElement(By.id("field-0"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals("by a known alias", text(By.id("how-0")));
        assertEquals("FirstName", new Select(browser.findElement(By.id("field-1"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals("", new Select(browser.findElement(By.id("field-2"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals("not recognised: ignored", text(By.id("how-2")));
        assertTrue(text(By.id("mapping-table")).contains("Berlin"), "the first rows are shown under their columns");
        new Select(browser.findElement(By.id("field-2"))).selectByValue("City");
        snap("new-upload-mapping-step");
        browser.findElement(By.id("upload")).click();
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("request-status")));
        awaitStatus("Completed");
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("mapping-applied")));
        assertEquals(";", text(By.id("delimiter")));
        String page = text(By.id("request"));
        assertTrue(page.contains("Notes") && page.contains("City") && page.contains("Email Address"), page);
        snap("request-mapping-applied");
        Map<String, String> cities = BulkApi.listCustomers(tenant, tenant.defaultListId()).stream()
                .filter(c -> c.get("Email").asText().startsWith("map"))
                .collect(Collectors.toMap(c -> c.get("Email").asText(), c -> c.get("City").asText()));
        assertEquals(Map.of("map1@example.com", "Berlin", "map2@example.com", "Paris"), cities);
        Files.delete(file);
    }

    @Test
    @Order(9)
    void aListsPageEditsItsDefaultMappingFromTheKeyboard() {
        String path = "/api/v1/lists/" + tenant.defaultListId() + "/column-mapping";
        browser.get(BulkApi.BASE + "/console/#/lists/" + tenant.defaultListId());
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("default-mapping-form")));
        browser.findElement(By.id("add-default-column")).click();
        WebElement header = browser.switchTo().activeElement();
        assertTrue(header.getAttribute("id").startsWith("default-header-"), "a new row takes the focus: " + header.getAttribute("id"));
        header.sendKeys("备注");
        header.sendKeys(org.openqa.selenium.Keys.TAB);
        WebElement field = browser.switchTo().activeElement();
        assertTrue(field.getAttribute("id").startsWith("default-field-"), "Tab moves to its field: " + field.getAttribute("id"));
        new Select(field).selectByValue("City");
        browser.findElement(By.id("save-default-mapping")).click();
        waiting.until(d -> d.findElement(By.id("default-mapping-saved")).getText().startsWith("Saved: 1"));
        assertEquals(Map.of("备注", "City"), mappingOf(path));
        browser.navigate().refresh();
        waiting.until(d -> !d.findElements(By.cssSelector("#default-mapping-form .default-header")).isEmpty());
        assertEquals("备注", browser.findElement(By.cssSelector("#default-mapping-form .default-header")).getAttribute("value"));
        snap("list-default-mapping");
        browser.findElement(By.id("clear-default-mapping")).click();
        waiting.until(d -> d.findElement(By.id("default-mapping-saved")).getText().contains("no default"));
        assertEquals(Map.of(), mappingOf(path));
    }

    private Map<String, String> mappingOf(String path) {
        BulkApi.Reply reply = BulkApi.send(BulkApi.withHeaders(java.net.http.HttpRequest.newBuilder(java.net.URI.create(BulkApi.BASE + path)).GET(),
                tenant.headers()));
        assertEquals(200, reply.status(), reply.body());
        Map<String, String> mappings = new java.util.LinkedHashMap<>();
        reply.json().get("ColumnMappings").fields().forEachRemaining(e -> mappings.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return mappings;
    }

    @Test
    @Order(10)
    void signingOutForgetsTheToken() {
        browser.findElement(By.id("sign-out")).click();
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
        assertEquals("{}", String.valueOf(browser.executeScript("return JSON.stringify(sessionStorage)")));
    }

    /**
     * The API reference (Swagger UI from its webjar, on /openapi.json) is linked from the console,
     * renders every tag's operations and sends a call, all under the console's Content-Security-Policy:
     * a refused script, style or connection would be a browser error, which {@link #noJavaScriptErrors} fails.
     */
    @Test
    @Order(11)
    void theApiReferenceLinkedFromTheConsoleRendersTheServedDocumentAndTriesACallUnderTheConsolePolicy() {
        browser.get(BulkApi.BASE + "/console/");
        waiting.until(ExpectedConditions.elementToBeClickable(By.linkText("API reference"))).click();
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("operations-Bulk-getBulkUploadStatus")));
        assertTrue(browser.findElement(By.cssSelector(".swagger-ui .info .title")).getText().startsWith("Bulk customer-data upload service"));
        for (String operation : List.of("Identity-requestToken", "Files-uploadFile", "Reads-listCustomers", "Reads-previewUpload", "Admin-createClient")) {
            assertTrue(browser.findElement(By.id("operations-" + operation)).isDisplayed(), operation);
        }
        browser.findElement(By.cssSelector("#operations-Service-health .opblock-summary-control")).click();
        waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Service-health .try-out__btn"))).click();
        waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#operations-Service-health .execute"))).click();
        waiting.until(d -> d.findElement(By.cssSelector("#operations-Service-health .live-responses-table tbody .response-col_status"))
                .getText().trim().equals("200"));
        snap("api-reference");
    }

    private void signIn(String clientId, String secret) {
        WebElement id = browser.findElement(By.id("client-id"));
        id.clear();
        id.sendKeys(clientId);
        browser.findElement(By.id("client-secret")).sendKeys(secret);
        browser.findElement(By.id("sign-in")).click();
    }

    /** Fills in the new-upload form, sends the file, and waits for its request's page; its RequestId. */
    private String uploadThroughTheForm(Path file) {
        browser.get(BulkApi.BASE + "/console/#/new");
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-form")));
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        snap("new-upload-" + file.getFileName());
        browser.findElement(By.id("upload")).click();
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("request-status")));
        Matcher id = Pattern.compile("#/uploads/(.+)$").matcher(browser.getCurrentUrl());
        assertTrue(id.find(), browser.getCurrentUrl());
        return java.net.URLDecoder.decode(id.group(1), StandardCharsets.UTF_8);
    }

    private void awaitStatus(String status) {
        waiting.until(d -> {
            String shown = d.findElement(By.id("request-status")).getText();
            return shown.equals(status) || Set.of("Completed", "CompletedWithErrors", "Failed", "UploadFileFormatNotSupported",
                    "UploadFileRowCountExceeded").contains(shown);
        });
        assertEquals(status, text(By.id("request-status")));
    }

    /** The element's text, found again if the page redrew it meanwhile. */
    private String text(By by) {
        return waiting.until(d -> d.findElement(by).getText());
    }

    private static By rowOf(String requestId) {
        return By.xpath("//div[@id='uploads']//tr[td/a[text()='" + requestId + "']]");
    }

    private Path awaitDownload() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(DOWNLOADS)) {
                List<Path> done = new ArrayList<>(files.filter(p -> p.getFileName().toString().startsWith("failed-rows-")
                        && !p.getFileName().toString().endsWith(".crdownload")).toList());
                if (!done.isEmpty()) {
                    return done.get(0);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the failed rows were not downloaded into " + DOWNLOADS);
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<(?:\\w+:)?" + name + "[^>]*>([^<]+)</").matcher(xml);
        assertTrue(m.find(), xml);
        return m.group(1);
    }

    private void snap(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(String.format("%02d-%s.png", ++screenshot, name.replaceAll("[^A-Za-z0-9.-]", "_"))),
                    browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
