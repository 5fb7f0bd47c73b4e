package com.bulkupload.application.identity;

import com.bulkupload.application.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Credentials this node checked a moment ago, so that a client polling GetBulkUploadStatus many
 * times a second costs one database check every few seconds instead of three queries a call.
 * Only successes are remembered, each for at most {@code BULK_AUTH_CACHE_SECONDS} (default 5) and
 * never past its token's expiry. State of one node: revoking a client clears this node's entries at
 * once; other nodes stop accepting its tokens within those seconds (docs/design.md).
 */
@ApplicationScoped
public class AuthenticatedCallers {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(CallerContext caller, Instant until) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** One key per full set of credentials (hashed: no token is kept in memory as it was sent). */
    static String key(ApiCredentials credentials, Secrets secrets) {
        return secrets.sha256(credentials.accessToken() + '\n' + credentials.developerToken() + '\n'
                + credentials.customerId() + '\n' + credentials.customerAccountId());
    }

    CallerContext find(String key, Instant now) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!now.isBefore(entry.until())) {
            entries.remove(key, entry);
            return null;
        }
        return entry.caller();
    }

    void remember(String key, CallerContext caller, Instant until) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(caller, until));
    }

    /** After a revocation: everything is checked against the database again. */
    public void forgetAll() {
        entries.clear();
    }
}
