package com.bulkupload.domain.model.upload;

import com.bulkupload.domain.model.customer.CustomerField;
import com.bulkupload.domain.model.error.ErrorCode;
import java.util.Map;

/**
 * A row after validation: a change to apply, or the reason it fails. A file of our columns gives
 * {@link Valid} and {@link Invalid}; a file in Microsoft's bulk format (CONTRACT §5) gives its
 * records: {@link FormatVersion}, {@link ListRecord}, {@link ListItem}, or {@link Invalid}.
 */
public sealed interface RowCheck {

    long rowNumber();

    /** A row to apply: Upsert or Delete by its (normalised) lookup key. */
    record Valid(long rowNumber, boolean delete, String key, Map<CustomerField, String> values) implements RowCheck {
    }

    record Invalid(long rowNumber, ErrorCode error, String reason) implements RowCheck {
    }

    /** The bulk file's Format Version record (6.0, checked before the import starts). */
    record FormatVersion(long rowNumber) implements RowCheck {
    }

    /**
     * A Customer List record: a new list ({@code id} negative, a reference for the file's items),
     * or an existing one (its id); {@code action} says what the items that follow do to it, and
     * {@code delete} (Status Deleted) deletes the list. Properties left empty are null.
     */
    record ListRecord(long rowNumber, long id, ListAction action, boolean delete, String name, String description,
                      Integer membershipDuration, String scope) implements RowCheck {

        public boolean createsList() {
            return id < 0;
        }
    }

    /**
     * A Customer List Item record: the hashed e-mail to add to or remove from the list its
     * {@code parentId} (a list's id, or a new list's negative reference) or {@code audience} (a
     * list's name) names.
     */
    record ListItem(long rowNumber, Long parentId, String audience, boolean remove, String emailSha256) implements RowCheck {
    }

    /** What a Customer List record's items do to it (its Action Type). */
    enum ListAction {
        /** The items are added (updated if the list has them). */
        Add,
        /** The items are removed. */
        Remove,
        /** The list ends holding exactly the items this upload adds: everything else is removed. */
        Replace
    }
}
