package com.bulkupload.domain.model.upload;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * The download of a file the client named by URL (Alibaba's FileUrl): the URL, sealed because it
 * may carry credentials, and when a node started fetching it. Immutable: each step makes a new value.
 */
@Embeddable
public class RemoteFetch {

    /** No URL named (JPA leaves an embedded value null when all its columns are). */
    static final RemoteFetch NONE = new RemoteFetch();

    @Column(name = "sealed_file_url", length = 4096)
    private String sealedFileUrl;

    @Column(name = "fetch_started_at")
    private Instant fetchStartedAt;

    protected RemoteFetch() {
    }

    static RemoteFetch of(String sealedFileUrl) {
        RemoteFetch fetch = new RemoteFetch();
        fetch.sealedFileUrl = sealedFileUrl;
        return fetch;
    }

    RemoteFetch startedAt(Instant now) {
        RemoteFetch fetch = of(sealedFileUrl);
        fetch.fetchStartedAt = now;
        return fetch;
    }

    /** Downloaded: the URL is not needed again; that a fetch happened is kept. */
    RemoteFetch done() {
        RemoteFetch fetch = new RemoteFetch();
        fetch.fetchStartedAt = fetchStartedAt;
        return fetch;
    }

    public String sealedFileUrl() {
        return sealedFileUrl;
    }

    public boolean started() {
        return fetchStartedAt != null;
    }

    /** Whether a fetch started at or before {@code staleBefore} (its node may have died) or none started. */
    boolean freeToClaim(Instant staleBefore) {
        return fetchStartedAt == null || !fetchStartedAt.isAfter(staleBefore);
    }
}
