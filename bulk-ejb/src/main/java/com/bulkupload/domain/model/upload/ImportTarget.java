package com.bulkupload.domain.model.upload;

import com.bulkupload.domain.model.customer.ColumnMappings;

import com.bulkupload.domain.model.customer.LookupField;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Where a request's rows go and how: the list, the partition, the key that finds a customer, and which rows the result file lists. */
@Embeddable
public class ImportTarget {

    @Column(name = "customer_list_id", nullable = false)
    private Long customerListId;

    @Column(name = "partition_name", nullable = false, length = 255)
    private String partitionName;

    @Enumerated(EnumType.STRING)
    @Column(name = "lookup_field", nullable = false, length = 32)
    private LookupField lookupField;

    @Enumerated(EnumType.STRING)
    @Column(name = "response_mode", nullable = false, length = 32)
    private ResponseMode responseMode;

    /** The client's explicit column mappings, in their stored form (ColumnMappings.encode); null when none. */
    @Column(name = "column_mappings", length = 8000)
    private String columnMappings;

    protected ImportTarget() {
    }

    /** The same target, with the client's column mappings. */
    ImportTarget withColumnMappings(ColumnMappings mappings) {
        ImportTarget target = new ImportTarget(customerListId, partitionName, lookupField, responseMode);
        target.columnMappings = mappings.isEmpty() ? null : mappings.encode();
        return target;
    }

    public ColumnMappings columnMappings() {
        return ColumnMappings.decode(columnMappings);
    }

    public ImportTarget(Long customerListId, String partitionName, LookupField lookupField, ResponseMode responseMode) {
        this.customerListId = customerListId;
        this.partitionName = partitionName;
        this.lookupField = lookupField;
        this.responseMode = responseMode;
    }

    public Long customerListId() {
        return customerListId;
    }

    public String partitionName() {
        return partitionName;
    }

    public LookupField lookupField() {
        return lookupField;
    }

    public ResponseMode responseMode() {
        return responseMode;
    }
}
