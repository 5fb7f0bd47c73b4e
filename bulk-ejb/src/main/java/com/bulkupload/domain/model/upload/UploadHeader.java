package com.bulkupload.domain.model.upload;

import com.bulkupload.domain.model.customer.CustomerField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The header row of an upload, understood: where each known column is. Names match
 * case-insensitively and ignore surrounding blanks; a name given twice makes the file unusable.
 */
public final class UploadHeader {

    public static final String ACTION = "Action";
    public static final String CLIENT_ID = "ClientId";
    public static final String CUSTOMER_ID = "CustomerId";

    private final List<String> names;
    private final Map<CustomerField, Integer> fields = new EnumMap<>(CustomerField.class);
    private final List<String> unknown = new ArrayList<>();
    private int action = -1;
    private int clientId = -1;
    private int customerId = -1;

    private UploadHeader(List<String> names) {
        this.names = List.copyOf(names);
    }

    /** @throws IllegalArgumentException naming the duplicate column */
    public static UploadHeader of(List<String> rawNames) {
        UploadHeader header = new UploadHeader(rawNames);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rawNames.size(); i++) {
            String name = rawNames.get(i) == null ? "" : rawNames.get(i).trim();
            if (name.isEmpty()) {
                header.unknown.add("(column " + (i + 1) + " has no name)");
                continue;
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("duplicate column " + name);
            }
            int index = i;
            if (name.equalsIgnoreCase(ACTION)) {
                header.action = index;
            } else if (name.equalsIgnoreCase(CLIENT_ID)) {
                header.clientId = index;
            } else if (name.equalsIgnoreCase(CUSTOMER_ID)) {
                header.customerId = index;
            } else {
                CustomerField.ofHeader(name).ifPresentOrElse(
                        field -> header.fields.put(field, index),
                        () -> header.unknown.add(name));
            }
        }
        return header;
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    public Map<CustomerField, Integer> fields() {
        return Collections.unmodifiableMap(fields);
    }

    public List<String> unknownColumns() {
        return Collections.unmodifiableList(unknown);
    }

    public int actionIndex() {
        return action;
    }

    public int clientIdIndex() {
        return clientId;
    }

    public int customerIdIndex() {
        return customerId;
    }
}
