package com.bulkupload.domain.model.upload;

import com.bulkupload.domain.model.customer.CustomerField;
import com.bulkupload.domain.model.error.ErrorCode;
import java.util.Map;

/** A row after validation: either a change to apply, or the reason it fails. */
public sealed interface RowCheck {

    long rowNumber();

    /** A row to apply: Upsert or Delete by its (normalised) lookup key. */
    record Valid(long rowNumber, boolean delete, String key, Map<CustomerField, String> values) implements RowCheck {
    }

    record Invalid(long rowNumber, ErrorCode error, String reason) implements RowCheck {
    }
}
