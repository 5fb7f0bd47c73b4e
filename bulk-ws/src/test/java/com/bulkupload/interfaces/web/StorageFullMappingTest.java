package com.bulkupload.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.bulkupload.domain.model.error.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** A full file store, however deep its IOException lies, is the retryable 3224 (each protocol's mapper then says it its own way). */
class StorageFullMappingTest {

    @Test
    void aDiskThatFillsWhileAFileArrivesIsTheRetryable3224NotAnInternalError() {
        Failures.Classified failure = Failures.classify(new RuntimeException(new UncheckedIOException("write",
                new IOException("No space left on device"))));
        assertEquals(ErrorCode.STORAGE_FULL, failure.error());
        assertFalse(failure.unexpected(), "not logged as a failure with its stack trace");
        assertEquals(503, ApiExceptionMapper.OWN_STATUS.applyAsInt(failure.error()));
    }
}
