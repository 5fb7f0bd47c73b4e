package com.bulkupload.domain.model.upload;

import com.bulkupload.domain.model.customer.EmailHashes;
import com.bulkupload.domain.model.error.ErrorCode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Microsoft Advertising's bulk file as far as Customer Match goes (CONTRACT §5; Microsoft's
 * "Customer List Record - Bulk" and "Customer List Item Record - Bulk"): a CSV whose header has a
 * {@code Type} column, whose first record is {@code Format Version} {@code 6.0}, then
 * {@code Customer List} and {@code Customer List Item} records. Reads the records in file order:
 * an item is added or removed as the Action Type of its list's record says, so the reader keeps
 * the action of each list it has seen (also of records a resumed import skips: {@link #skip}).
 */
public final class BulkFileRecords {

    public static final String TYPE = "Type";
    public static final String STATUS = "Status";
    public static final String ID = "Id";
    public static final String PARENT_ID = "Parent Id";
    public static final String CLIENT_ID = "Client Id";
    public static final String NAME = "Name";
    public static final String AUDIENCE = "Audience";
    public static final String DESCRIPTION = "Description";
    public static final String MEMBERSHIP_DURATION = "Membership Duration";
    public static final String SCOPE = "Scope";
    public static final String ACTION_TYPE = "Action Type";
    public static final String SUB_TYPE = "Sub Type";
    public static final String TEXT = "Text";
    public static final String ERROR = "Error";
    public static final String ERROR_NUMBER = "Error Number";

    public static final String FORMAT_VERSION = "Format Version";
    public static final String CUSTOMER_LIST = "Customer List";
    public static final String CUSTOMER_LIST_ITEM = "Customer List Item";
    /** The one format version Microsoft's SDKs write and we read. */
    public static final String VERSION = "6.0";

    static final int MAX_NAME = 255;
    static final int MAX_DESCRIPTION = 1024;
    static final int MAX_MEMBERSHIP_DAYS = 540;

    private final int columns;
    private final Map<String, Integer> index = new HashMap<>();
    /** The Action Type of each list seen so far, by "#id" and by name. */
    private final Map<String, RowCheck.ListAction> actions = new HashMap<>();

    public BulkFileRecords(List<String> headerNames) {
        this.columns = headerNames.size();
        for (int i = 0; i < headerNames.size(); i++) {
            String name = headerNames.get(i) == null ? "" : headerNames.get(i).trim();
            index.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
        }
    }

    /** Whether a header is a bulk file's: it has a {@code Type} column (ours never does). */
    public static boolean isBulkFile(List<String> headerNames) {
        return headerNames.stream().anyMatch(name -> name != null && name.trim().equalsIgnoreCase(TYPE));
    }

    /** The column of a header name in this file, or -1. */
    public int column(String name) {
        return index.getOrDefault(name.toLowerCase(Locale.ROOT), -1);
    }

    /** Why the file's first record does not make it a bulk file we read, or null when it does (Format Version 6.0). */
    public String formatVersionProblem(List<String> firstRecord) {
        if (!FORMAT_VERSION.equalsIgnoreCase(value(firstRecord, TYPE))) {
            return "The first record of a bulk file must be Format Version " + VERSION + ".";
        }
        String version = value(firstRecord, NAME);
        if (!VERSION.equals(version)) {
            return "Format Version '" + quoted(version) + "' is not supported; write format version " + VERSION + ".";
        }
        return null;
    }

    public RowCheck check(long rowNumber, List<String> fields) {
        if (fields.size() != columns) {
            return new RowCheck.Invalid(rowNumber, ErrorCode.WRONG_FIELD_COUNT,
                    "The record has " + fields.size() + " fields; the header has " + columns + ".");
        }
        String type = value(fields, TYPE);
        if (type.equalsIgnoreCase(FORMAT_VERSION)) {
            return new RowCheck.FormatVersion(rowNumber);
        }
        if (type.equalsIgnoreCase(CUSTOMER_LIST)) {
            return list(rowNumber, fields);
        }
        if (type.equalsIgnoreCase(CUSTOMER_LIST_ITEM)) {
            return item(rowNumber, fields);
        }
        return new RowCheck.Invalid(rowNumber, ErrorCode.RECORD_TYPE_NOT_SUPPORTED,
                "Record type '" + quoted(type) + "' is not supported here: only Format Version, Customer List and Customer List Item.");
    }

    /** A record a resumed import has applied already goes by: its list's Action Type is still needed by the items after it. */
    public void skip(long rowNumber, List<String> fields) {
        if (fields.size() == columns && value(fields, TYPE).equalsIgnoreCase(CUSTOMER_LIST)) {
            list(rowNumber, fields);
        }
    }

    private RowCheck list(long rowNumber, List<String> fields) {
        String idText = value(fields, ID);
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            return invalidList(rowNumber, "Id must be a list's id, or a negative number that the file's items use to name a new list.");
        }
        if (id == 0) {
            return invalidList(rowNumber, "Id must not be 0.");
        }
        RowCheck.ListAction action;
        String actionText = value(fields, ACTION_TYPE);
        if (actionText.isEmpty()) {
            action = RowCheck.ListAction.Add;
        } else {
            action = null;
            for (RowCheck.ListAction candidate : RowCheck.ListAction.values()) {
                if (candidate.name().equalsIgnoreCase(actionText)) {
                    action = candidate;
                }
            }
            if (action == null) {
                return invalidList(rowNumber, "Action Type must be Add, Remove or Replace.");
            }
        }
        String status = value(fields, STATUS);
        boolean delete = status.equalsIgnoreCase("Deleted");
        if (!delete && !status.isEmpty() && !status.equalsIgnoreCase("Active")) {
            return invalidList(rowNumber, "Status must be Active, Deleted or empty.");
        }
        String name = value(fields, AUDIENCE);
        if (name.isEmpty()) {
            name = value(fields, NAME);
        }
        if (name.length() > MAX_NAME) {
            return invalidList(rowNumber, "Audience has " + name.length() + " characters; at most " + MAX_NAME + " are allowed.");
        }
        if (id < 0 && (name.isEmpty() || delete)) {
            return invalidList(rowNumber, delete ? "A new list (negative Id) cannot be deleted." : "A new list needs its name in Audience.");
        }
        String description = value(fields, DESCRIPTION);
        if (description.length() > MAX_DESCRIPTION) {
            return invalidList(rowNumber, "Description has " + description.length() + " characters; at most " + MAX_DESCRIPTION + " are allowed.");
        }
        Integer duration = null;
        String durationText = value(fields, MEMBERSHIP_DURATION);
        if (!durationText.isEmpty()) {
            try {
                duration = Integer.valueOf(durationText);
            } catch (NumberFormatException e) {
                duration = -1;
            }
            if (duration < 0 || duration > MAX_MEMBERSHIP_DAYS) {
                return invalidList(rowNumber, "Membership Duration must be 0 to " + MAX_MEMBERSHIP_DAYS + " days.");
            }
        }
        String scope = value(fields, SCOPE);
        if (!scope.isEmpty() && !scope.equalsIgnoreCase("Account") && !scope.equalsIgnoreCase("Customer")) {
            return invalidList(rowNumber, "Scope must be Account or Customer.");
        }
        scope = scope.isEmpty() ? null : Character.toUpperCase(scope.charAt(0)) + scope.substring(1).toLowerCase(Locale.ROOT);
        actions.put("#" + id, action);
        if (!name.isEmpty()) {
            actions.put(name, action);
        }
        return new RowCheck.ListRecord(rowNumber, id, action, delete, name.isEmpty() ? null : name,
                description.isEmpty() ? null : description, duration, scope);
    }

    private RowCheck item(long rowNumber, List<String> fields) {
        String subType = value(fields, SUB_TYPE);
        if (!subType.equalsIgnoreCase("Email")) {
            return invalidList(rowNumber, "Sub Type must be Email.");
        }
        String text = value(fields, TEXT);
        if (!EmailHashes.isHash(text)) {
            // never quoted: it may be the e-mail itself
            return new RowCheck.Invalid(rowNumber, ErrorCode.INVALID_HASHED_EMAIL,
                    "Text must be the SHA-256 of the normalised e-mail as 64 hex digits, never the e-mail itself.");
        }
        String parentText = value(fields, PARENT_ID);
        String audience = value(fields, AUDIENCE);
        Long parentId = null;
        if (!parentText.isEmpty()) {
            try {
                parentId = Long.valueOf(parentText);
            } catch (NumberFormatException e) {
                return invalidList(rowNumber, "Parent Id must be the list's id, or the negative Id of a list the file creates.");
            }
        } else if (audience.isEmpty()) {
            return invalidList(rowNumber, "The item needs its list: Parent Id, or the list's name in Audience.");
        }
        RowCheck.ListAction action = parentId != null ? actions.get("#" + parentId) : actions.get(audience);
        boolean remove = action == RowCheck.ListAction.Remove;
        return new RowCheck.ListItem(rowNumber, parentId, parentId == null ? audience : null, remove, text.toLowerCase(Locale.ROOT));
    }

    private static RowCheck invalidList(long rowNumber, String reason) {
        return new RowCheck.Invalid(rowNumber, ErrorCode.INVALID_CUSTOMER_LIST_RECORD, reason);
    }

    private String value(List<String> fields, String name) {
        int i = column(name);
        if (i < 0 || i >= fields.size() || fields.get(i) == null) {
            return "";
        }
        return fields.get(i).trim();
    }

    private static String quoted(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
