package com.bulkupload.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.e2e.openapi.ApiClient;
import com.bulkupload.e2e.openapi.ApiException;
import com.bulkupload.e2e.openapi.JSON;
import com.bulkupload.e2e.openapi.api.AdminApi;
import com.bulkupload.e2e.openapi.api.FilesApi;
import com.bulkupload.e2e.openapi.api.IdentityApi;
import com.bulkupload.e2e.openapi.api.ReadsApi;
import com.bulkupload.e2e.openapi.api.ServiceApi;
import com.bulkupload.e2e.openapi.auth.ApiKeyAuth;
import com.bulkupload.e2e.openapi.model.AccountCreated;
import com.bulkupload.e2e.openapi.model.ApiFaultDetail;
import com.bulkupload.e2e.openapi.model.ClientCreated;
import com.bulkupload.e2e.openapi.model.ClientRequest;
import com.bulkupload.e2e.openapi.model.ColumnMappingBody;
import com.bulkupload.e2e.openapi.model.Customer;
import com.bulkupload.e2e.openapi.model.CustomerList;
import com.bulkupload.e2e.openapi.model.GetBulkUploadStatusRequest;
import com.bulkupload.e2e.openapi.model.GetBulkUploadStatusResponse;
import com.bulkupload.e2e.openapi.model.GetBulkUploadUrlRequest;
import com.bulkupload.e2e.openapi.model.GetBulkUploadUrlResponse;
import com.bulkupload.e2e.openapi.model.KeyValuePair;
import com.bulkupload.e2e.openapi.model.NameRequest;
import com.bulkupload.e2e.openapi.model.OAuthError;
import com.bulkupload.e2e.openapi.model.Preview;
import com.bulkupload.e2e.openapi.model.RequestStatus;
import com.bulkupload.e2e.openapi.model.ResponseMode;
import com.bulkupload.e2e.openapi.model.TokenResponse;
import com.bulkupload.e2e.openapi.model.Upload;
import com.bulkupload.e2e.openapi.model.UploadReceipt;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * A Java client that OpenAPI Generator made at build time from openapi.yaml (library okhttp-gson,
 * whose models refuse a field the document does not declare) does what an integrator's code
 * would: admin set-up, a token, GetBulkUploadUrl, the upload, status to the end, the result file,
 * the reads, the failed rows, a mapping and a preview, and errors answered with their documented bodies.
 */
@ServerTest
@RunAsClient
class OpenApiClientIT {

    @Test
    void theServedDocumentIsTheFileTheClientWasGeneratedFromAsYamlAndAsJson() throws Exception {
        byte[] source = Files.readAllBytes(ResponseContract.DOCUMENT);
        BulkApi.Reply yaml = BulkApi.get("/openapi.yaml");
        assertEquals(200, yaml.status());
        assertArrayEquals(source, yaml.body().getBytes(StandardCharsets.UTF_8), "/openapi.yaml is the file in bulk-ws, byte for byte");
        BulkApi.Reply json = BulkApi.get("/openapi.json");
        assertEquals(200, json.status());
        assertEquals(new YAMLMapper().readTree(source), json.json(), "/openapi.json is the same document");
        assertEquals("3.0.3", json.json().get("openapi").asText());
    }

    @Test
    void aGeneratedClientUploadsAFileFollowsItToTheEndAndReadsEverythingBack() throws Exception {
        ApiClient operator = client();
        ((ApiKeyAuth) operator.getAuthentication("AdminKey")).setApiKey(BulkApi.ADMIN_KEY);
        AdminApi admin = new AdminApi(operator);
        String name = "openapi-" + UUID.randomUUID();
        long customerId = admin.createCustomer(new NameRequest().name(name)).getCustomerId();
        AccountCreated account = admin.createAccount(customerId, new NameRequest().name(name));
        ClientCreated credentials = admin.createClient(customerId, new ClientRequest().name(name));

        ApiClient api = client();
        TokenResponse token = new IdentityApi(api).requestToken("client_credentials", credentials.getClientId(),
                credentials.getClientSecret(), null, null);
        assertEquals("bearer", token.getTokenType().getValue());
        signIn(api, token.getAccessToken(), credentials.getDeveloperToken(), customerId, account.getAccountId());

        com.bulkupload.e2e.openapi.api.BulkApi bulk = new com.bulkupload.e2e.openapi.api.BulkApi(api);
        GetBulkUploadUrlResponse opened = bulk.getBulkUploadUrl(new GetBulkUploadUrlRequest()
                .accountId(account.getAccountId()).responseMode(ResponseMode.ERRORS_AND_RESULTS));
        assertEquals(URI.create(BulkApi.BASE + "/files/uploads/" + opened.getRequestId()), URI.create(opened.getUploadUrl()));

        Path file = Files.createTempFile("openapi-client-", ".csv");
        Files.writeString(file, "Email,FirstName,Phone\nann@example.com,Ann,+8613800000001\nbob@example.com,Bob,\nnot-an-email,Cy,\n"
                + "dee@example.com,Dee,+86 138-0000-0004\n", StandardCharsets.UTF_8);
        FilesApi files = new FilesApi(api);
        UploadReceipt receipt = files.uploadFile(opened.getRequestId(), file.toFile(), null);
        assertEquals(RequestStatus.FILE_UPLOADED, receipt.getRequestStatus());

        GetBulkUploadStatusResponse status = awaitFinal(bulk, opened.getRequestId());
        assertEquals(RequestStatus.COMPLETED_WITH_ERRORS, status.getRequestStatus(), status.toString());
        assertEquals(4L, status.getRowsProcessed());
        assertEquals(1L, status.getRowsFailed());
        assertEquals(100, status.getPercentComplete());
        assertTrue(status.getForwardCompatibilityMap().contains(new KeyValuePair().key("RowsFailed").value("1")), status.toString());

        URI result = URI.create(status.getResultFileUrl());
        Map<String, String> query = query(result);
        File zip = files.downloadResultFile(opened.getRequestId(), query.get("expires"), query.get("signature"));
        try (ZipFile archive = new ZipFile(zip)) {
            String csv = new String(archive.getInputStream(archive.entries().nextElement()).readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(5, csv.strip().split("\r?\n").length, csv);
            assertTrue(csv.contains("not-an-email,Cy,,4,Failed"), csv);
        }

        // a clean file goes to Completed, and its ErrorsOnly result file holds the header alone
        GetBulkUploadUrlResponse clean = bulk.getBulkUploadUrl(new GetBulkUploadUrlRequest().accountId(account.getAccountId()));
        Path cleanFile = Files.createTempFile("openapi-client-clean-", ".csv");
        Files.writeString(cleanFile, "Email,FirstName\nfay@example.com,Fay\n", StandardCharsets.UTF_8);
        files.uploadFile(clean.getRequestId(), cleanFile.toFile(), "UTF-8");
        GetBulkUploadStatusResponse completed = awaitFinal(bulk, clean.getRequestId());
        assertEquals(RequestStatus.COMPLETED, completed.getRequestStatus(), completed.toString());
        assertNull(completed.getErrors(), "no errors: null, as Microsoft's REST API answers");
        assertEquals(1L, completed.getRowsProcessed());

        ReadsApi reads = new ReadsApi(api);
        assertEquals(account.getAccountId(), reads.listAccounts().getAccounts().get(0).getAccountId());
        CustomerList list = reads.listCustomerLists().getCustomerLists().stream()
                .filter(l -> l.getCustomerListId().equals(account.getDefaultCustomerListId())).findFirst().orElseThrow();
        assertEquals(4L, list.getCustomerCount());
        List<Customer> customers = reads.listCustomers(list.getCustomerListId(), 2, null, null, null, null, null).getCustomers();
        assertEquals(2, customers.size());
        Customer dee = reads.listCustomers(list.getCustomerListId(), null, null, null, "+8613800000004", null, null).getCustomers().get(0);
        assertEquals("dee@example.com", dee.getEmail());
        assertEquals(64, dee.getEmailSha256().length());

        Upload upload = reads.getUpload(opened.getRequestId());
        assertEquals(RequestStatus.COMPLETED_WITH_ERRORS, upload.getRequestStatus());
        assertEquals(Upload.ProtocolEnum.BING, upload.getProtocol());
        assertTrue(reads.listUploads(null, null, RequestStatus.COMPLETED_WITH_ERRORS).getUploads().stream()
                .anyMatch(u -> u.getRequestId().equals(opened.getRequestId())));
        String failed = reads.getFailedRows(opened.getRequestId());
        assertTrue(failed.startsWith("Email,FirstName,Phone,Error"), failed);
        assertTrue(failed.contains("not-an-email,Cy,"), failed);

        // (Gson, the generated client's JSON library, leaves null map values out: it cannot send "ignore this column")
        Map<String, String> mapping = Map.of("Mail", "Email");
        assertEquals(mapping, reads.setColumnMapping(list.getCustomerListId(), new ColumnMappingBody().columnMappings(mapping)).getColumnMappings());
        assertEquals(mapping, reads.getColumnMapping(list.getCustomerListId()).getColumnMappings());
        Path mapped = Files.createTempFile("openapi-preview-", ".csv");
        Files.writeString(mapped, "Mail,Notes,名\neve@example.com,x,伊娃\n", StandardCharsets.UTF_8);
        Preview preview = reads.previewUpload(mapped.toFile(), null, Long.toString(list.getCustomerListId()), null);
        assertEquals("Email", preview.getColumns().get(0).getField());
        assertEquals("ListDefault", preview.getColumns().get(0).getResolvedBy().getValue());
        assertNull(preview.getColumns().get(1).getField());
        assertEquals("FirstName", preview.getColumns().get(2).getField());
        assertEquals(List.of("eve@example.com", "x", "伊娃"), preview.getRows().get(0));
        assertTrue(reads.deleteColumnMapping(list.getCustomerListId()).getColumnMappings().isEmpty());

        assertEquals("UP", new ServiceApi(client()).health().getStatus().getValue());
    }

    @Test
    void errorsAreAnsweredWithTheirDocumentedBodiesAndCodes() throws Exception {
        BulkApi.Tenant tenant = BulkApi.newTenant();
        ApiClient api = client();
        signIn(api, tenant.accessToken(), tenant.developerToken(), tenant.customerId(), tenant.accountId());
        com.bulkupload.e2e.openapi.api.BulkApi bulk = new com.bulkupload.e2e.openapi.api.BulkApi(api);

        ApiException unknown = assertThrows(ApiException.class,
                () -> bulk.getBulkUploadStatus(new GetBulkUploadStatusRequest().requestId("no-such-request")));
        assertEquals(400, unknown.getCode(), "Bing's JSON operations answer 3200 with 400");
        assertFault(unknown, 3200, "InvalidRequestId");

        ApiException missing = assertThrows(ApiException.class, () -> new ReadsApi(api).getUpload("no-such-request"));
        assertEquals(404, missing.getCode());
        assertFault(missing, 3200, "InvalidRequestId");

        ApiClient stranger = client();
        signIn(stranger, "not-a-token", tenant.developerToken(), tenant.customerId(), tenant.accountId());
        ApiException refused = assertThrows(ApiException.class, () -> new ReadsApi(stranger).listCustomerLists());
        assertEquals(401, refused.getCode());
        assertFault(refused, 105, "InvalidCredentials");

        ApiException wrongSecret = assertThrows(ApiException.class,
                () -> new IdentityApi(client()).requestToken("client_credentials", tenant.clientId(), "not-the-secret", null, null));
        assertEquals(401, wrongSecret.getCode());
        OAuthError oauth = JSON.getGson().fromJson(wrongSecret.getResponseBody(), OAuthError.class);
        assertEquals(OAuthError.ErrorEnum.UNAUTHORIZED, oauth.getError());
        assertEquals(105, oauth.getOperationErrors().get(0).getCode());

        ApiException noAdmin = assertThrows(ApiException.class, () -> new AdminApi(client()).createCustomer(new NameRequest().name("x")));
        assertEquals(401, noAdmin.getCode());
        assertFault(noAdmin, 105, "InvalidCredentials");
    }

    private static ApiClient client() {
        ApiClient client = new ApiClient();
        client.setBasePath(BulkApi.BASE);
        return client;
    }

    private static void signIn(ApiClient client, String token, String developerToken, long customerId, long accountId) {
        client.setBearerToken(token);
        ((ApiKeyAuth) client.getAuthentication("DeveloperToken")).setApiKey(developerToken);
        ((ApiKeyAuth) client.getAuthentication("CustomerId")).setApiKey(Long.toString(customerId));
        ((ApiKeyAuth) client.getAuthentication("CustomerAccountId")).setApiKey(Long.toString(accountId));
    }

    private static void assertFault(ApiException error, int code, String errorCode) {
        ApiFaultDetail fault = JSON.getGson().fromJson(error.getResponseBody(), ApiFaultDetail.class);
        assertEquals(ApiFaultDetail.TypeEnum.API_FAULT_DETAIL, fault.getType());
        assertNotNull(fault.getTrackingId());
        assertEquals(code, fault.getOperationErrors().get(0).getCode(), error.getResponseBody());
        assertEquals(errorCode, fault.getOperationErrors().get(0).getErrorCode().getValue(), error.getResponseBody());
        assertEquals(fault.getTrackingId(), error.getResponseHeaders().get("TrackingId").get(0));
    }

    private static GetBulkUploadStatusResponse awaitFinal(com.bulkupload.e2e.openapi.api.BulkApi bulk, String requestId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            GetBulkUploadStatusResponse status = bulk.getBulkUploadStatus(new GetBulkUploadStatusRequest().requestId(requestId));
            RequestStatus state = status.getRequestStatus();
            if (state != RequestStatus.PENDING_FILE_UPLOAD && state != RequestStatus.FILE_UPLOADED && state != RequestStatus.IN_PROGRESS) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still " + state + ": " + status);
            }
            Thread.sleep(200);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new java.util.HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals), java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
