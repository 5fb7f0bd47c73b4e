package com.bulkupload.application;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The server's settings (CONTRACT section 7), a port: their names, defaults and rules are decided
 * here; where their values come from is {@code infrastructure.config}'s business (environment
 * variables, then system properties). Every setting has a default that gives a working local server.
 */
public abstract class BulkSettings {

    /** The setting's value, trimmed; empty when it is unset or blank. */
    public abstract Optional<String> get(String name);

    /** Settings with these values and the defaults for the rest (tests, tools). */
    public static BulkSettings of(Map<String, String> values) {
        return new BulkSettings() {
            @Override
            public Optional<String> get(String name) {
                String value = values.get(name);
                return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
            }
        };
    }

    /** Base of every absolute URL we hand out, without a trailing slash. */
    public String publicUrl() {
        String url = get("BULK_PUBLIC_URL").orElse("http://localhost:8080");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public Optional<String> adminKey() {
        return get("BULK_ADMIN_KEY");
    }

    public Duration tokenLifetime() {
        return Duration.ofSeconds(positiveLong("BULK_TOKEN_TTL_SECONDS", 3600));
    }

    /** How long a RequestId accepts its file: 15 minutes by contract; shorter only for tests. */
    public Duration uploadWindow() {
        return Duration.ofSeconds(positiveLong("BULK_UPLOAD_WINDOW_SECONDS", 900));
    }

    public int maxActiveUploadsPerAccount() {
        return (int) positiveLong("BULK_MAX_ACTIVE_UPLOADS", 10);
    }

    /** Largest upload, counted uncompressed: 100 MB by default. */
    public long maxFileBytes() {
        return positiveLong("BULK_MAX_FILE_BYTES", 100L * 1024 * 1024);
    }

    public long maxRows() {
        return positiveLong("BULK_MAX_ROWS", 4_000_000);
    }

    /**
     * The free space the file store keeps in reserve (for result files of running imports and
     * extracted archives): an upload whose declared length would eat into it is refused with 3224.
     */
    public long minFreeBytes() {
        return positiveLong("BULK_MIN_FREE_BYTES", 128L * 1024 * 1024);
    }

    /**
     * The lease of an import or a FileUrl download, on the database's clock: one whose node has
     * said nothing (a chunk, a heartbeat) for longer is taken over by the recovery timer, which
     * looks every 10 s. The importer beats every 5 s while nothing commits.
     */
    public Duration stuckImportAfter() {
        return Duration.ofSeconds(positiveLong("BULK_STUCK_IMPORT_SECONDS", 40));
    }

    /** Failed token requests allowed per client id and minute (then 117 until the minute is over). */
    public int tokenFailuresPerClient() {
        return (int) positiveLong("BULK_TOKEN_FAILURES_PER_CLIENT", 10);
    }

    /** Failed token requests allowed per source address and minute, whatever the client id. */
    public int tokenFailuresPerSource() {
        return (int) positiveLong("BULK_TOKEN_FAILURES_PER_SOURCE", 100);
    }

    /** How long a node trusts credentials it checked (0: check every call). */
    public Duration authCacheLifetime() {
        return get("BULK_AUTH_CACHE_SECONDS").map(v -> Duration.ofSeconds(Long.parseLong(v.trim()))).orElse(Duration.ofSeconds(5));
    }

    /**
     * Rows per import transaction: each chunk commits its rows, counts, result lines and checkpoint
     * together. 5,000, for the heap: with 10,000 a 1M-row import on PostgreSQL is about 1 s faster
     * (14.1-14.5 s against 14.9-15.2 s), but bench/run's peak heap used went past its 400 MB target
     * with either build measured (-Xmx512m): 432 MB in round 2, 456 MB in round 3, under status
     * load and in the 3M runs (docs/performance-profile.md). 20,000 and 50,000 were no faster.
     * Memory is bounded by {@code ImportPipeline.MAX_CHUNK_CHARS} however many rows.
     */
    public int importChunkRows() {
        return (int) Math.min(100_000, positiveLong("BULK_IMPORT_CHUNK_ROWS", 5000));
    }

    /**
     * The fewest rows an upload into an empty list of its own loads as the list's first load, on
     * PostgreSQL: into the list's own table without lookup indexes, which are built once at the
     * end, and readable only then (docs/design.md, "A table per list"). About a few chunks: below
     * that the load is quick anyway and the list reads as it fills. A very large value turns first
     * loads off.
     */
    public long firstLoadMinRows() {
        return positiveLong("BULK_FIRST_LOAD_MIN_ROWS", 20_000);
    }

    /**
     * How long UploadEntityRecords waits for its import before it answers InProgress with the
     * RequestId (the SDKs then poll GetBulkUploadStatus). A thousand records import in well under
     * a second; a busy server answers InProgress rather than hold the call.
     */
    public Duration entityRecordsWait() {
        return Duration.ofSeconds(positiveLong("BULK_ENTITY_RECORDS_WAIT_SECONDS", 10));
    }

    /** How long an API call's whole body may take to arrive (then 408); file uploads have a minimum rate instead. */
    public Duration requestBodyDeadline() {
        return Duration.ofSeconds(positiveLong("BULK_REQUEST_BODY_SECONDS", 10));
    }

    /** The largest API call body read at all (then 413); the parsers refuse more than 1 MB with the protocol's error. */
    public int maxRequestBodyBytes() {
        return (int) Math.min(Integer.MAX_VALUE - 64, positiveLong("BULK_MAX_REQUEST_BODY_BYTES", 4L * 1024 * 1024));
    }

    /**
     * API calls (a body read whole, then answered: status, URL, token, ...) worked on at once on this
     * node; the others wait their turn, parked. Two per core: the cores stay busy, and the JIT's
     * compiler threads are not one runnable thread among dozens (docs/performance-profile.md,
     * "Cold start").
     */
    public int apiConcurrency() {
        return (int) Math.min(1024, positiveLong("BULK_API_CONCURRENCY", 2L * Runtime.getRuntime().availableProcessors()));
    }

    /** File uploads streaming at once, per account, per node (then 117 / HTTP 429; Marketo 615). */
    public int maxUploadsPerAccount() {
        return (int) positiveLong("BULK_MAX_UPLOADS_PER_ACCOUNT", 4);
    }

    /** File uploads streaming at once from one source address, per node. */
    public int maxUploadsPerAddress() {
        return (int) positiveLong("BULK_MAX_UPLOADS_PER_ADDRESS", 8);
    }

    /** File uploads streaming at once on a node: the worker threads they may hold, fewer than BULK_WORKER_THREADS. */
    public int maxUploadsPerNode() {
        return (int) positiveLong("BULK_MAX_UPLOADS", 32);
    }

    /** An upload slower than this over a window of {@link #uploadRateWindow} is cut; its request keeps waiting for a file. */
    public long minUploadBytesPerSecond() {
        return positiveLong("BULK_UPLOAD_MIN_BYTES_PER_SECOND", 8192);
    }

    public Duration uploadRateWindow() {
        return Duration.ofSeconds(positiveLong("BULK_UPLOAD_RATE_WINDOW_SECONDS", 20));
    }

    /** How long a ResultFileUrl works after the status call that returned it. */
    public Duration resultUrlLifetime() {
        return Duration.ofSeconds(positiveLong("BULK_RESULT_URL_TTL_SECONDS", 300));
    }

    /**
     * The master key that seals the signing keys' secrets (CONTRACT §7), any text of at least 32
     * characters; unset, the server generates one and keeps it in the database.
     */
    public Optional<String> masterKey() {
        return get("BULK_MASTER_KEY");
    }

    /**
     * Whether this node is one of a cluster: set by the cluster configuration
     * (standalone-cluster.xml), never by hand; such a node refuses H2.
     */
    public boolean cluster() {
        return get("BULK_CLUSTER").map(Boolean::parseBoolean).orElse(false);
    }

    public Optional<String> bootstrapClientId() {
        return get("BULK_BOOTSTRAP_CLIENT_ID");
    }

    public Optional<String> bootstrapClientSecret() {
        return get("BULK_BOOTSTRAP_CLIENT_SECRET");
    }

    public Optional<String> bootstrapDeveloperToken() {
        return get("BULK_BOOTSTRAP_DEVELOPER_TOKEN");
    }

    private long positiveLong(String name, long fallback) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.get());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalStateException(name + " must be a positive whole number, not '" + value.get() + "'");
    }
}
