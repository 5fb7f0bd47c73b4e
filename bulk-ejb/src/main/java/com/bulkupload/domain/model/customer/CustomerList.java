package com.bulkupload.domain.model.customer;

import com.bulkupload.domain.model.customer.ColumnMappings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named list of customer records inside one account; uploads write into a list. */
@Entity
@Table(name = "customer_list")
public class CustomerList {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_list_seq")
    @SequenceGenerator(name = "customer_list_seq", sequenceName = "customer_list_seq", allocationSize = 50)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false, length = 255)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** What Microsoft's Customer List record sets besides the name (the bulk format, CONTRACT §5). */
    @Column(length = 1024)
    private String description;

    @Column(name = "membership_duration")
    private Integer membershipDuration;

    @Column(length = 16)
    private String scope;

    /** The request whose bulk file created the list, under the (negative) reference the file gave it. */
    @Column(name = "created_by_request", length = 64)
    private String createdByRequest;

    @Column(name = "client_reference")
    private Long clientReference;

    /**
     * The request replacing the list's contents (Action Type Replace), until it completes: then
     * every customer it did not write is removed, in the transaction that completes it.
     */
    @Column(name = "replaced_by_request", length = 64)
    private String replacedByRequest;

    /** The list's default column mappings (ColumnMappings' stored form), for every upload into it that brings none. */
    @Column(name = "column_mappings", length = 8000)
    private String columnMappings;

    protected CustomerList() {
    }

    public ColumnMappings columnMappings() {
        return ColumnMappings.decode(columnMappings);
    }

    /** Sets the list's default mappings; empty ones remove them. */
    public void defaultColumnMappings(ColumnMappings mappings) {
        this.columnMappings = mappings.isEmpty() ? null : mappings.encode();
    }

    /** A list a bulk file's Customer List record creates, known to the request by its reference in the file. */
    public static CustomerList createdByRecord(Long accountId, String name, Instant now, String requestId, long reference) {
        CustomerList list = new CustomerList(accountId, name, now);
        list.createdByRequest = requestId;
        list.clientReference = reference;
        return list;
    }

    /** Sets what a Customer List record gives; a null leaves that property as it is. */
    public void describe(String name, String description, Integer membershipDuration, String scope) {
        if (name != null) {
            this.name = name;
        }
        if (description != null) {
            this.description = description;
        }
        if (membershipDuration != null) {
            this.membershipDuration = membershipDuration;
        }
        if (scope != null) {
            this.scope = scope;
        }
    }

    /** The request's import will leave the list holding only what it writes. */
    public void replaceContentsBy(String requestId) {
        this.replacedByRequest = requestId;
    }

    /** The replacement is done (its request completed). */
    public void contentsReplaced() {
        this.replacedByRequest = null;
    }

    public String description() {
        return description;
    }

    public Integer membershipDuration() {
        return membershipDuration;
    }

    public String scope() {
        return scope;
    }

    public Long clientReference() {
        return clientReference;
    }

    public CustomerList(Long accountId, String name, Instant createdAt) {
        this.accountId = accountId;
        this.name = name;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public Long accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
