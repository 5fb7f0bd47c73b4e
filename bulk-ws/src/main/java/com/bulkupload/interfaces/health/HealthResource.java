package com.bulkupload.interfaces.health;

import com.bulkupload.application.maintenance.HealthService;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * GET /health: 200 when the database and the import queue are reachable, 503 otherwise; the file
 * store's free bytes and state (OK, LOW, FULL) are reported either way and never make it 503.
 */
@Path("/")
public class HealthResource {

    private final HealthService health;

    public HealthResource(HealthService health) {
        this.health = health;
    }

    @JsonPropertyOrder({"Status", "Database", "Queue", "Storage", "StorageFreeBytes"})
    public record HealthReport(@JsonProperty("Status") String status,
                               @JsonProperty("Database") String database,
                               @JsonProperty("Queue") String queue,
                               @JsonProperty("Storage") String storage,
                               @JsonProperty("StorageFreeBytes") long storageFreeBytes) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        HealthService.Health result = health.check();
        HealthReport report = new HealthReport(upDown(result.up()), upDown(result.database()), upDown(result.queue()),
                result.storage().name(), result.storageFreeBytes());
        return Response.status(result.up() ? 200 : 503).entity(report).build();
    }

    private static String upDown(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
