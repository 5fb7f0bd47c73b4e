package com.bulkupload.domain.model.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One customer record of a list, in one partition. It remembers which upload request (and so which
 * API client) changed it last, and when. Imports write customers set-based, as the net effect of
 * each chunk ({@link CustomerChanges}); JPA reads them.
 */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
    @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
    private Long id;

    @Column(name = "customer_list_id", nullable = false)
    private Long customerListId;

    @Column(name = "partition_name", nullable = false, length = 255)
    private String partitionName;

    @Column(length = 254)
    private String email;
    @Column(length = 32)
    private String phone;
    @Column(name = "external_id", length = 64)
    private String externalId;
    @Column(name = "first_name", length = 255)
    private String firstName;
    @Column(name = "last_name", length = 255)
    private String lastName;
    @Column(length = 255)
    private String company;
    @Column(length = 64)
    private String country;
    @Column(length = 255)
    private String city;
    @Column(name = "email_sha256", length = 64)
    private String emailSha256;
    @Column(name = "full_name", length = 255)
    private String fullName;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by_request", nullable = false, length = 64)
    private String updatedByRequest;
    @Column(name = "updated_by_client", nullable = false, length = 64)
    private String updatedByClient;

    protected Customer() {
    }

    public String get(CustomerField field) {
        return switch (field) {
            case Email -> email;
            case Phone -> phone;
            case ExternalId -> externalId;
            case FirstName -> firstName;
            case LastName -> lastName;
            case Company -> company;
            case Country -> country;
            case City -> city;
            case EmailSha256 -> emailSha256;
            case FullName -> fullName;
        };
    }

    public Long id() {
        return id;
    }

    public Long customerListId() {
        return customerListId;
    }

    public String partitionName() {
        return partitionName;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
