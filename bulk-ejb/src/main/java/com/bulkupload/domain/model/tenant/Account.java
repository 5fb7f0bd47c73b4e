package com.bulkupload.domain.model.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An advertising account of a tenant; it owns customer lists and upload requests. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    private Long id;

    @Column(name = "tenant_id", nullable = false)
    private Long tenantId;

    @Column(nullable = false, length = 255)
    private String name;

    /** Set right after the default list is created, in the same transaction. */
    @Column(name = "default_list_id")
    private Long defaultListId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Account() {
    }

    public Account(Long tenantId, String name, Instant createdAt) {
        this.tenantId = tenantId;
        this.name = name;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public Long tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public Long defaultListId() {
        return defaultListId;
    }

    public void useAsDefaultList(Long listId) {
        this.defaultListId = listId;
    }

    public boolean belongsTo(Long tenant) {
        return tenantId.equals(tenant);
    }
}
