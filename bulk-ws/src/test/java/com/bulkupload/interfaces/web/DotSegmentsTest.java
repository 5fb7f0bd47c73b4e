package com.bulkupload.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DotSegmentsTest {

    @Test
    void dotSegmentsResolveAsABrowserResolvesThem() {
        assertEquals("/bulk/v1/leads/batch/7.json", DotSegments.resolve("/rest/../bulk/v1/leads/batch/7.json"));
        assertEquals("/bulk/v1/leads.json", DotSegments.resolve("/bulk/./v1/x/y/../../leads.json"));
        assertEquals("/a/", DotSegments.resolve("/a/b/.."));
        assertEquals("/a/", DotSegments.resolve("/a/."));
    }

    @Test
    void nothingClimbsAboveTheRoot() {
        assertEquals("/etc/passwd", DotSegments.resolve("/../../etc/passwd"));
        assertEquals("/", DotSegments.resolve("/.."));
    }

    @Test
    void percentEncodedDotsAreDotsAndOtherEncodingsStayAsSent() {
        assertEquals("/health", DotSegments.resolve("/rest/%2e%2E/health"));
        assertEquals("/x/health", DotSegments.resolve("/x/%2e/health"));
        assertEquals("/a%2Fb/..x", DotSegments.resolve("/a%2Fb/..x"));
    }
}
