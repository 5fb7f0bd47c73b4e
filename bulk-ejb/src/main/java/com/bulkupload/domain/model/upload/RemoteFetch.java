package com.bulkupload.domain.model.upload;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * The download of a file the client named by URL (Alibaba's FileUrl): the URL, sealed because it
 * may carry credentials, when a node first started fetching it, and the download's lease: each
 * claim takes the next number, and its node says it is alive while bytes arrive. A download whose
 * node has not said so within the lease is claimed again by another node; a failure reported under
 * an older claim changes nothing. Immutable: each step makes a new value.
 */
@Embeddable
public class RemoteFetch {

    /** No URL named (JPA leaves an embedded value null when all its columns are). */
    static final RemoteFetch NONE = new RemoteFetch();

    @Column(name = "sealed_file_url", length = 4096)
    private String sealedFileUrl;

    @Column(name = "fetch_started_at")
    private Instant fetchStartedAt;

    @Column(name = "fetch_claim")
    private Integer fetchClaim;

    @Column(name = "fetch_alive_at")
    private Instant fetchAliveAt;

    protected RemoteFetch() {
    }

    static RemoteFetch of(String sealedFileUrl) {
        RemoteFetch fetch = new RemoteFetch();
        fetch.sealedFileUrl = sealedFileUrl;
        return fetch;
    }

    /** Claimed by a node at {@code now}: the next claim number; the first claim's time stays the start. */
    RemoteFetch claimedAt(Instant now) {
        RemoteFetch fetch = of(sealedFileUrl);
        fetch.fetchStartedAt = fetchStartedAt == null ? now : fetchStartedAt;
        fetch.fetchClaim = claim() + 1;
        fetch.fetchAliveAt = now;
        return fetch;
    }

    /** The node of the current claim is still downloading. */
    RemoteFetch aliveAt(Instant now) {
        RemoteFetch fetch = of(sealedFileUrl);
        fetch.fetchStartedAt = fetchStartedAt;
        fetch.fetchClaim = fetchClaim;
        fetch.fetchAliveAt = now;
        return fetch;
    }

    /** Downloaded: the URL is not needed again; that a fetch happened is kept. */
    RemoteFetch done() {
        RemoteFetch fetch = new RemoteFetch();
        fetch.fetchStartedAt = fetchStartedAt;
        fetch.fetchClaim = fetchClaim;
        return fetch;
    }

    public String sealedFileUrl() {
        return sealedFileUrl;
    }

    public boolean started() {
        return fetchStartedAt != null;
    }

    /** The current claim's number; 0 before the first. */
    public int claim() {
        return fetchClaim == null ? 0 : fetchClaim;
    }

    /**
     * Whether no fetch runs: none claimed yet, or its node last said it was alive at or before
     * {@code staleBefore} (it died or froze). Downloads of the release before V17 have only a start.
     */
    boolean freeToClaim(Instant staleBefore) {
        Instant alive = fetchAliveAt != null ? fetchAliveAt : fetchStartedAt;
        return alive == null || !alive.isAfter(staleBefore);
    }
}
