package com.bulkupload.e2e;

import static com.bulkupload.e2e.BulkApi.json;
import static com.bulkupload.e2e.JsonApiIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.e2e.BulkApi.Reply;
import com.bulkupload.e2e.BulkApi.Tenant;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/** CONTRACT §8: an account's lists and its uploads, whatever protocol created them, and only its own. */
@ServerTest
@RunAsClient
class AccountReadApiIT {

    private static Reply get(Tenant tenant, String path) {
        return BulkApi.send(BulkApi.withHeaders(HttpRequest.newBuilder(URI.create(BulkApi.BASE + path)).GET(), tenant.headers()));
    }

    @Test
    void listsShowTheirCustomerCounts() {
        Tenant tenant = BulkApi.newTenant();
        long second = BulkApi.admin("/admin/v1/accounts/" + tenant.accountId() + "/lists", "Second").json().get("CustomerListId").asLong();
        ImportFlowIT.importFile(tenant, "ErrorsOnly", ImportFlowIT.DATA.resolve("customers-10.csv"));
        Reply lists = get(tenant, "/api/v1/lists");
        assertEquals(200, lists.status(), lists.body());
        JsonNode all = lists.json().get("CustomerLists");
        assertEquals(2, all.size(), lists.body());
        assertEquals(tenant.defaultListId(), all.get(0).get("CustomerListId").asLong());
        assertEquals(10, all.get(0).get("CustomerCount").asLong());
        assertEquals(second, all.get(1).get("CustomerListId").asLong());
        assertEquals("Second", all.get(1).get("Name").asText());
        assertEquals(0, all.get(1).get("CustomerCount").asLong());
        assertTrue(all.get(1).hasNonNull("CreatedAt"));

        Tenant other = BulkApi.newTenant();
        JsonNode theirs = get(other, "/api/v1/lists").json().get("CustomerLists");
        assertEquals(1, theirs.size(), "another account sees only its own list");
        assertEquals(other.defaultListId(), theirs.get(0).get("CustomerListId").asLong());
    }

    @Test
    void uploadsAreListedNewestFirstPageByPageWithTheirProtocolAndCounts() {
        Tenant tenant = BulkApi.newTenant();
        String done = BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId())).json().get("RequestId").asText();
        ImportFlowIT.importFile(tenant, "ErrorsOnly", ImportFlowIT.DATA.resolve("customers-10.csv"));
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(BulkApi.getBulkUploadUrl(tenant, json("AccountId", tenant.accountId())).json().get("RequestId").asText());
        }

        List<JsonNode> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Reply page = get(tenant, "/api/v1/uploads?pageSize=2" + (token == null ? "" : "&pageToken=" + token));
            assertEquals(200, page.status(), page.body());
            page.json().get("Uploads").forEach(seen::add);
            token = page.json().has("NextPageToken") ? page.json().get("NextPageToken").asText() : null;
            pages++;
        } while (token != null);
        assertEquals(3, pages);
        assertEquals(5, seen.size());
        assertEquals(List.of(created.get(2), created.get(1), created.get(0)),
                seen.subList(0, 3).stream().map(u -> u.get("RequestId").asText()).toList(), "newest first");
        JsonNode completed = seen.stream().filter(u -> u.get("RequestStatus").asText().equals("Completed")).findFirst().orElseThrow();
        assertEquals("Bing", completed.get("Protocol").asText());
        assertEquals(10, completed.get("RowsProcessed").asLong());
        assertEquals(100, completed.get("PercentComplete").asInt());
        assertEquals(tenant.defaultListId(), completed.get("CustomerListId").asLong());
        assertTrue(completed.get("FileName").asText().endsWith(".csv"), completed.toString());
        assertTrue(seen.stream().anyMatch(u -> u.get("RequestId").asText().equals(done)));

        JsonNode completedOnly = get(tenant, "/api/v1/uploads?status=Completed").json().get("Uploads");
        assertEquals(1, completedOnly.size());
        assertEquals(4, get(tenant, "/api/v1/uploads?status=PendingFileUpload").json().get("Uploads").size()
                + get(tenant, "/api/v1/uploads?status=Failed").json().get("Uploads").size());

        Tenant other = BulkApi.newTenant();
        assertEquals(0, get(other, "/api/v1/uploads").json().get("Uploads").size(), "another account's uploads are not there");
        assertFalse(get(other, "/api/v1/uploads").json().has("NextPageToken"));
        assertError(get(tenant, "/api/v1/uploads?pageToken=forged"), 400, 100);
        assertError(get(tenant, "/api/v1/uploads?status=Sometimes"), 400, 100);
        assertError(get(tenant, "/api/v1/uploads?pageSize=0"), 400, 100);
    }
}
