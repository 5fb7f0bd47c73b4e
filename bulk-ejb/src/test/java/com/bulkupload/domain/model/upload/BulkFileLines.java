package com.bulkupload.domain.model.upload;

import java.util.Arrays;
import java.util.List;

/** Records of a bulk file for tests: a header of the Customer Match columns and records of its width. */
public final class BulkFileLines {

    public static final List<String> HEADER = List.of("Type", "Status", "Id", "Parent Id", "Client Id", "Name", "Audience",
            "Description", "Membership Duration", "Scope", "Action Type", "Sub Type", "Text");

    private BulkFileLines() {
    }

    /** A record of the header's width with the named columns set. */
    public static List<String> record(String... namesAndValues) {
        String[] fields = new String[HEADER.size()];
        Arrays.fill(fields, "");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields[HEADER.indexOf(namesAndValues[i])] = namesAndValues[i + 1];
        }
        return List.of(fields);
    }
}
