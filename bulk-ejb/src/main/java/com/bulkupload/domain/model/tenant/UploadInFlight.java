package com.bulkupload.domain.model.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file upload of an account streaming now, on any node: counted for the account's limit on
 * uploads in flight. Its node refreshes {@code aliveAt} while bytes arrive and deletes it when the
 * upload ends; one whose node died stops counting once {@code aliveAt} is older than the lease.
 */
@Entity
@Table(name = "upload_in_flight")
public class UploadInFlight {

    @Id
    @Column(name = "id", length = 32)
    private String id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "alive_at", nullable = false)
    private Instant aliveAt;

    protected UploadInFlight() {
    }

    public UploadInFlight(String id, Long accountId, Instant aliveAt) {
        this.id = id;
        this.accountId = accountId;
        this.aliveAt = aliveAt;
    }

    public String id() {
        return id;
    }
}
