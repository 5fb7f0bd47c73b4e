package com.bulkupload.domain.model.upload;

import com.bulkupload.domain.model.customer.ColumnMappings;
import com.bulkupload.domain.model.customer.ColumnNames;

import com.bulkupload.domain.model.customer.CustomerField;
import com.bulkupload.domain.model.error.ErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The header row of an upload, understood: where each known column is. Names match
 * case-insensitively and ignore surrounding blanks; a name given twice makes the file unusable,
 * and so does a header wider than Excel's 16,384 columns (a line of a million delimiters would
 * otherwise cost a string per column here, and a warning of megabytes in the request).
 */
public final class UploadHeader {

    public static final String ACTION = "Action";
    public static final String CLIENT_ID = "ClientId";
    public static final String CUSTOMER_ID = "CustomerId";
    /** Excel's own limit (column XFD), for every format. */
    public static final int MAX_COLUMNS = 16_384;
    /** How many ignored columns the warning names; the rest are counted. */
    static final int NAMED_IGNORED_COLUMNS = 20;
    /** How much of a column's name a message quotes. */
    static final int QUOTED_NAME_CHARS = 64;

    private final List<String> names;
    private final Map<CustomerField, Integer> fields = new EnumMap<>(CustomerField.class);
    private final List<String> unknown = new ArrayList<>();
    private int unnamed;
    private int action = -1;
    private int clientId = -1;
    private int customerId = -1;

    private UploadHeader(List<String> names) {
        this.names = List.copyOf(names);
    }

    /** A header that names one field twice: the file cannot be imported as it is (3221). */
    public static final class Unusable extends IllegalArgumentException {
        private final ErrorCode error;

        Unusable(ErrorCode error, String message) {
            super(message);
            this.error = error;
        }

        public ErrorCode error() {
            return error;
        }
    }

    /**
     * The header as the import understands it: each cell recognised as people write it
     * ({@link ColumnNames}), the rest ignored.
     *
     * @throws IllegalArgumentException whose message, a sentence for the client, says why the header is unusable
     *                                  ({@link Unusable} when it names a field twice)
     */
    public static UploadHeader of(List<String> rawNames) {
        return of(rawNames, ColumnMappings.NONE);
    }

    /**
     * The header as the import understands it, the client's explicit mappings first (a cell they
     * name means what they say, or is ignored), recognition for the rest.
     *
     * @throws IllegalArgumentException as {@link #of(List)}; {@link Unusable} with 3223 when a
     *                                  mapping names a column the header does not have
     */
    public static UploadHeader of(List<String> rawNames, ColumnMappings mappings) {
        if (rawNames.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException("The header has " + rawNames.size() + " columns; at most " + MAX_COLUMNS + " are allowed.");
        }
        UploadHeader header = new UploadHeader(rawNames);
        Set<String> seen = new HashSet<>();
        Map<ColumnNames.Column, Integer> recognised = new EnumMap<>(ColumnNames.Column.class);
        Set<String> matched = new HashSet<>();
        for (int i = 0; i < rawNames.size(); i++) {
            String name = rawNames.get(i) == null ? "" : rawNames.get(i).trim();
            if (name.isEmpty()) {
                header.unnamed++;
                continue;
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("The header has a duplicate column " + quoted(name) + ".");
            }
            Optional<Optional<ColumnNames.Column>> mapped = mappings.of(name);
            mapped.ifPresent(m -> matched.add(ColumnMappings.key(name)));
            Optional<ColumnNames.Column> column = mapped.orElseGet(() -> ColumnNames.recognise(name));
            if (column.isEmpty()) {
                if (mapped.isEmpty()) {
                    header.unknown.add(quoted(name));
                }
                continue;
            }
            Integer earlier = recognised.put(column.get(), i);
            if (earlier != null) {
                throw new Unusable(ErrorCode.AMBIGUOUS_COLUMNS, "The columns " + quoted(rawNames.get(earlier).trim()) + " and "
                        + quoted(name) + " both mean " + column.get() + ": map one of them with ColumnMappings, or ignore it.");
            }
            switch (column.get()) {
                case Action -> header.action = i;
                case ClientId -> header.clientId = i;
                case CustomerId -> header.customerId = i;
                default -> header.fields.put(column.get().field().orElseThrow(), i);
            }
        }
        for (Map.Entry<String, String> named : mappings.headers().entrySet()) {
            if (!matched.contains(named.getKey())) {
                throw new Unusable(ErrorCode.COLUMN_MAPPING_NOT_IN_FILE,
                        "ColumnMappings names the column " + quoted(named.getValue()) + ", which the file's header does not have.");
            }
        }
        return header;
    }

    /**
     * A header kept as uploaded, none of its columns taken for ours: a bulk file's (its records
     * say what each column means).
     *
     * @throws IllegalArgumentException when it is wider than {@value #MAX_COLUMNS} columns
     */
    public static UploadHeader asUploaded(List<String> rawNames) {
        if (rawNames.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException("The header has " + rawNames.size() + " columns; at most " + MAX_COLUMNS + " are allowed.");
        }
        return new UploadHeader(rawNames);
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

    /** The names of the columns the import ignores, each cut to a quotable length. */
    public List<String> unknownColumns() {
        return Collections.unmodifiableList(unknown);
    }

    /** Columns without a name: ignored too. */
    public int unnamedColumns() {
        return unnamed;
    }

    /**
     * The warning a request records once for its ignored columns, or empty: the first
     * {@value #NAMED_IGNORED_COLUMNS} names and a count of the rest, so it stays short however
     * wide the header.
     */
    public Optional<String> ignoredColumnsWarning() {
        if (unknown.isEmpty() && unnamed == 0) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>(unknown.subList(0, Math.min(unknown.size(), NAMED_IGNORED_COLUMNS)));
        if (unknown.size() > NAMED_IGNORED_COLUMNS) {
            parts.add("and " + (unknown.size() - NAMED_IGNORED_COLUMNS) + " more");
        }
        if (unnamed > 0) {
            parts.add(unnamed == 1 ? "1 column without a name" : unnamed + " columns without a name");
        }
        return Optional.of("Ignored columns: " + String.join(", ", parts) + ". " + RECOGNISED);
    }

    /** What the 3308 warning ends with: the columns a file may have (their aliases: docs/columns.md). */
    static final String RECOGNISED = "Recognised columns: Email, Phone, ExternalId, FirstName, LastName, FullName, Company, Country,"
            + " City, EmailSha256, Action, ClientId, CustomerId, and their aliases (docs/columns.md).";

    private static String quoted(String name) {
        return name.length() <= QUOTED_NAME_CHARS ? name : name.substring(0, QUOTED_NAME_CHARS) + "...";
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
