package com.bulkupload.domain.model.customer;

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

    protected CustomerList() {
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
