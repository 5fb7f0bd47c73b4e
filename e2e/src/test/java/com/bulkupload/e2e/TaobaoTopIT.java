package com.bulkupload.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.e2e.BulkApi.Reply;
import com.bulkupload.e2e.BulkApi.Tenant;
import com.bulkupload.e2e.top.CrowdAnalysisGetRequest;
import com.bulkupload.e2e.top.CrowdAnalysisGetResponse;
import com.bulkupload.e2e.top.CrowdAnalysisUpdateRequest;
import com.bulkupload.e2e.top.CrowdAnalysisUpdateResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.taobao.api.DefaultTaobaoClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Taobao TOP (CONTRACT §11) through TOP's own Java client, {@code com.taobao.api.DefaultTaobaoClient}
 * (Maven alibaba-dingtalk-service-sdk 2.0.0), pointed at {@code /router/rest}, with request classes
 * written as TOP's SDK generator writes them: sign methods hmac-sha256 (its default) and md5, JSON
 * and XML; then the refusals, with TOP's codes.
 */
@ServerTest
@RunAsClient
class TaobaoTopIT {

    static final DateTimeFormatter TOP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final String ROUTER = BulkApi.BASE + "/router/rest";

    @Test
    void topsJavaClientCreatesReadsRefreshesRetimesReloadsAndDeletesAnAnalysisTask() throws Exception {
        for (String[] variant : new String[][] {{"json", "hmac-sha256"}, {"xml", "md5"}}) {
            Tenant tenant = BulkApi.newTenant();
            JsonNode key = BulkApi.signingKey(tenant);
            DefaultTaobaoClient client = new DefaultTaobaoClient(ROUTER, key.path("KeyId").asText(), key.path("KeySecret").asText(),
                    variant[0], 15_000, 15_000, variant[1]);
            MarketoApiIT.importAndWait(tenant, ImportFlowIT.DATA.resolve("messy.csv"), "format", "csv");

            LocalDateTime now = LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"));
            CrowdAnalysisUpdateResponse created = update(client, tenant, "create", "{\"crowd_id\":" + tenant.defaultListId()
                    + ",\"start_time\":\"" + TOP_TIME.format(now.minusHours(1)) + "\",\"end_time\":\"" + TOP_TIME.format(now.plusDays(7)) + "\"}");
            assertTrue(created.isSuccess() && created.getResult().getSuccess(), String.join(" ", variant) + ": " + created.getBody());
            long taskId = created.getResult().getResult().getTaskId();
            assertEquals(tenant.defaultListId(), created.getResult().getResult().getCrowdId());

            CrowdAnalysisGetResponse.Task ready = awaitReady(client, tenant, taskId, 3);
            assertEquals(3, ready.getMemberCount(), "messy.csv leaves alice, bob and ivan: " + ready);
            assertEquals(3, ready.getWithEmailCount());
            assertEquals(3, ready.getUpdated7DaysCount());
            assertTrue(ready.getComputedTime() != null && ready.getTopCities() != null && !ready.getTopCities().isEmpty(), ready.toString());

            // an import into the crowd marks the task: its figures are computed again
            MarketoApiIT.importAndWait(tenant, ImportFlowIT.DATA.resolve("customers-10.csv"), "format", "csv");
            assertEquals(13, awaitReady(client, tenant, taskId, 13).getMemberCount());

            CrowdAnalysisUpdateResponse retimed = update(client, tenant, "time", "{\"task_id\":" + taskId + ",\"start_time\":\""
                    + TOP_TIME.format(now) + "\",\"end_time\":\"" + TOP_TIME.format(now.plusDays(30)) + "\"}");
            assertTrue(retimed.getResult().getSuccess(), retimed.getBody());
            assertEquals(TOP_TIME.format(now.plusDays(30)), retimed.getResult().getResult().getEndTime());
            CrowdAnalysisUpdateResponse reloaded = update(client, tenant, "dumpData", "{\"task_id\":" + taskId + "}");
            assertTrue(reloaded.getResult().getSuccess(), reloaded.getBody());
            assertEquals(13, awaitReady(client, tenant, taskId, 13).getMemberCount());

            CrowdAnalysisUpdateResponse deleted = update(client, tenant, "delete", "{\"task_id\":" + taskId + "}");
            assertTrue(deleted.getResult().getSuccess(), deleted.getBody());
            CrowdAnalysisGetResponse gone = get(client, tenant, taskId);
            assertEquals("15", gone.getErrorCode(), gone.getBody());
            assertEquals("isv.task-not-found", gone.getSubCode(), gone.getBody());
            CrowdAnalysisUpdateResponse again = update(client, tenant, "delete", "{\"task_id\":" + taskId + "}");
            assertFalse(again.getResult().getSuccess(), again.getBody());
            assertEquals("isv.task-not-found", again.getResult().getCode());
        }
    }

    @Test
    void theNodeTopClientCreatesAndReadsATaskWithMd5Signs() throws Exception {
        Tenant tenant = BulkApi.newTenant();
        JsonNode key = BulkApi.signingKey(tenant);
        MarketoApiIT.importAndWait(tenant, ImportFlowIT.DATA.resolve("customers-10.csv"), "format", "csv");
        // the client stamps local time: run it in TOP's zone, as its users in China do
        String output = VendorClients.run(java.util.List.of("env", "TZ=Asia/Shanghai", "node",
                VendorClients.SCRIPTS.resolve("node/taobao_client.js").toString(), ROUTER, key.path("KeyId").asText(),
                key.path("KeySecret").asText(), tenant.accessToken(), Long.toString(tenant.defaultListId())), null, 120);
        assertTrue(output.matches("(?s).*created=\\d+ state=ready members=10.*"), output);
    }

    @Test
    void refusalsCarryTopsCodes() throws Exception {
        Tenant tenant = BulkApi.newTenant();
        Tenant stranger = BulkApi.newTenant();
        JsonNode key = BulkApi.signingKey(tenant);
        String keyId = key.path("KeyId").asText();
        String secret = key.path("KeySecret").asText();
        DefaultTaobaoClient client = new DefaultTaobaoClient(ROUTER, keyId, secret, "json");
        String period = ",\"start_time\":\"2026-01-01 00:00:00\",\"end_time\":\"2099-01-01 00:00:00\"}";
        String dto = "{\"crowd_id\":" + tenant.defaultListId() + period;

        assertEquals("25", update(new DefaultTaobaoClient(ROUTER, keyId, "not-the-secret", "json"), tenant, "create", dto).getErrorCode());
        assertEquals("29", update(new DefaultTaobaoClient(ROUTER, "LTAInosuchkey00000000000", secret, "json"), tenant, "create", dto).getErrorCode());
        CrowdAnalysisUpdateRequest stale = request("create", dto);
        stale.setTimestamp(System.currentTimeMillis() - Duration.ofMinutes(20).toMillis());
        assertEquals("31", client.execute(stale, tenant.accessToken()).getErrorCode());
        assertEquals("40", update(client, tenant, null, dto).getErrorCode());
        assertEquals("41", update(client, tenant, "explode", dto).getErrorCode());
        assertEquals("27", client.execute(request("create", dto), stranger.accessToken()).getErrorCode(), "another customer's session");
        assertEquals("27", client.execute(request("create", dto), "not-a-token").getErrorCode());

        // another account's crowd is a business failure, exactly as an unknown crowd
        JsonNode strangerKey = BulkApi.signingKey(stranger);
        DefaultTaobaoClient theirs = new DefaultTaobaoClient(ROUTER, strangerKey.path("KeyId").asText(), strangerKey.path("KeySecret").asText(), "json");
        CrowdAnalysisUpdateResponse foreign = update(theirs, stranger, "create", dto);
        CrowdAnalysisUpdateResponse unknown = update(theirs, stranger, "create", "{\"crowd_id\":987654321" + period);
        assertFalse(foreign.getResult().getSuccess(), foreign.getBody());
        assertEquals("isv.crowd-not-found", foreign.getResult().getCode());
        assertEquals(unknown.getResult().getMsg().replace("987654321", "N"),
                foreign.getResult().getMsg().replace(Long.toString(tenant.defaultListId()), "N"));

        assertEquals(204, BulkApi.send(HttpRequest.newBuilder(URI.create(BulkApi.BASE + "/admin/v1/signing-keys/" + keyId))
                .header("X-Admin-Key", BulkApi.ADMIN_KEY).DELETE()).status());
        assertEquals("29", update(client, tenant, "create", dto).getErrorCode(), "a revoked key");

        JsonNode fresh = BulkApi.signingKey(tenant);
        DefaultTaobaoClient signed = new DefaultTaobaoClient(ROUTER, fresh.path("KeyId").asText(), fresh.path("KeySecret").asText(), "json");
        CrowdAnalysisGetRequest noSuchMethod = new CrowdAnalysisGetRequest() {
            @Override
            public String getApiMethodName() {
                return "taobao.opencrm.crowdanalysis.explode";
            }
        };
        noSuchMethod.setTaskId(1L);
        assertEquals("22", signed.execute(noSuchMethod, tenant.accessToken()).getErrorCode());
        Reply noMethod = BulkApi.get("/router/rest?format=json");
        assertEquals(200, noMethod.status());
        assertEquals(21, noMethod.json().path("error_response").path("code").asInt(), noMethod.body());

        // simplify: no response wrapper, plain lists; TOP's client reads it so
        signed.setUseSimplifyJson(true);
        CrowdAnalysisUpdateResponse simplified = update(signed, tenant, "create", dto);
        assertTrue(simplified.isSuccess() && simplified.getResult().getSuccess(), simplified.getBody());
        assertFalse(simplified.getBody().contains("_response"), simplified.getBody());
    }

    private static CrowdAnalysisUpdateRequest request(String operation, String taskDto) {
        CrowdAnalysisUpdateRequest request = new CrowdAnalysisUpdateRequest();
        request.setOperation(operation);
        request.setTaskDto(taskDto);
        return request;
    }

    static CrowdAnalysisUpdateResponse update(DefaultTaobaoClient client, Tenant tenant, String operation, String taskDto) throws Exception {
        return client.execute(request(operation, taskDto), tenant.accessToken());
    }

    private static CrowdAnalysisGetResponse get(DefaultTaobaoClient client, Tenant tenant, long taskId) throws Exception {
        CrowdAnalysisGetRequest request = new CrowdAnalysisGetRequest();
        request.setTaskId(taskId);
        return client.execute(request, tenant.accessToken());
    }

    static CrowdAnalysisGetResponse.Task awaitReady(DefaultTaobaoClient client, Tenant tenant, long taskId, long members) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            CrowdAnalysisGetResponse response = get(client, tenant, taskId);
            assertTrue(response.isSuccess(), response.getBody());
            CrowdAnalysisGetResponse.Task task = response.getTask();
            if ("ready".equals(task.getState()) && task.getMemberCount() != null && task.getMemberCount() == members
                    || System.nanoTime() > deadline) {
                assertEquals("ready", task.getState(), response.getBody());
                return task;
            }
            Thread.sleep(300);
        }
    }

}
