package com.bulkupload.application.identity;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.BulkSettings;
import com.bulkupload.domain.model.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down secret guessing at the token endpoint: after too many failed token requests for one
 * client id (any source) or from one address (any client id) within a minute, every token request
 * for that client id or from that address is refused with 117 (HTTP 429) until the minute is over,
 * before the secret is even hashed. Counted per node (docs/design.md): with N nodes behind a
 * balancer an attacker gets at most N times the allowance.
 */
@ApplicationScoped
public class TokenRequestThrottle {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_KEYS = 50_000;

    @Inject
    BulkSettings settings;

    private record Window(long start, int failures) {
    }

    private final ConcurrentHashMap<String, Window> failures = new ConcurrentHashMap<>();

    public TokenRequestThrottle() {
    }

    TokenRequestThrottle(BulkSettings settings) {
        this.settings = settings;
    }

    /** Refuses the request if its client id or its source address is over the allowance. */
    void check(String clientId, String source, Instant now) {
        if (over("client:" + clientId, settings.tokenFailuresPerClient(), now)
                || over("source:" + source, settings.tokenFailuresPerSource(), now)) {
            throw new BulkApiException(ErrorCode.CALL_RATE_EXCEEDED,
                    "Too many failed token requests; retry in a minute.");
        }
    }

    void failed(String clientId, String source, Instant now) {
        if (failures.size() > MAX_KEYS) {
            long current = window(now);
            failures.values().removeIf(w -> w.start() != current);
        }
        count("client:" + clientId, now);
        count("source:" + source, now);
    }

    private boolean over(String key, int allowed, Instant now) {
        Window window = failures.get(key);
        return window != null && window.start() == window(now) && window.failures() >= allowed;
    }

    private void count(String key, Instant now) {
        long current = window(now);
        failures.merge(key, new Window(current, 1),
                (old, one) -> old.start() == current ? new Window(current, old.failures() + 1) : one);
    }

    private static long window(Instant now) {
        return now.getEpochSecond() / WINDOW.toSeconds();
    }
}
