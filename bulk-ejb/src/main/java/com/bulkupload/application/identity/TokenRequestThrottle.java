package com.bulkupload.application.identity;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.BulkSettings;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.tenant.TenantRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows down secret guessing at the token endpoint: after too many failed token requests for one
 * client id (any source) or from one address (any client id) within a minute, every token request
 * for that client id or from that address is refused with 117 (HTTP 429) until the minute is over,
 * before the secret is even hashed. Counted in the shared database, so the allowance holds for the
 * whole cluster, whichever node each guess reaches; a failure is counted in a transaction of its
 * own, since the refusal that follows rolls the caller's back. The address is the client's own
 * behind a trusted balancer (BULK_TRUSTED_PROXIES).
 */
@Stateless
public class TokenRequestThrottle {

    static final Duration WINDOW = Duration.ofMinutes(1);
    @Inject
    BulkSettings settings;

    @Inject
    TenantRepository tenants;

    @Inject
    Secrets secrets;

    public TokenRequestThrottle() {
    }

    public TokenRequestThrottle(BulkSettings settings, TenantRepository tenants, Secrets secrets) {
        this.settings = settings;
        this.tenants = tenants;
        this.secrets = secrets;
    }

    /** Refuses the request if its client id or its source address is over the allowance. */
    public void check(String clientId, String source, Instant now) {
        long window = window(now);
        if (tenants.tokenFailures(key("client:", clientId), window) >= settings.tokenFailuresPerClient()
                || tenants.tokenFailures(key("source:", source), window) >= settings.tokenFailuresPerSource()) {
            throw new BulkApiException(ErrorCode.CALL_RATE_EXCEEDED,
                    "Too many failed token requests; retry in a minute.");
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(String clientId, String source, Instant now) {
        long window = window(now);
        tenants.countTokenFailure(key("client:", clientId), window);
        tenants.countTokenFailure(key("source:", source), window);
    }

    /** Drops the counts of windows that ended (the minute timer). */
    public int forgetEndedWindows(Instant now) {
        return tenants.deleteTokenFailuresBefore(window(now));
    }

    /**
     * The kind and the SHA-256 of the value: the client's text (any length, any character, a NUL
     * included) never reaches the database, and every key has the same short length.
     */
    private String key(String kind, String value) {
        return kind + secrets.sha256(value == null ? "" : value);
    }

    private static long window(Instant now) {
        return now.getEpochSecond() / WINDOW.toSeconds();
    }
}
