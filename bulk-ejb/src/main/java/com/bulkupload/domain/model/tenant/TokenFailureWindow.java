package com.bulkupload.domain.model.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Failed token requests of one key (a client id, or a source address) in one window of the token
 * throttle, shared by every node. Written with one upsert ({@link TenantRepository#countTokenFailure}),
 * so concurrent failures on several nodes all count.
 */
@Entity
@Table(name = "token_failure_window")
public class TokenFailureWindow {

    @Id
    @Column(name = "throttle_key", length = 80)
    private String throttleKey;

    @Column(name = "window_start", nullable = false)
    private long windowStart;

    @Column(name = "failures", nullable = false)
    private int failures;

    protected TokenFailureWindow() {
    }
}
