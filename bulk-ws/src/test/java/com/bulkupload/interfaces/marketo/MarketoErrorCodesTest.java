package com.bulkupload.interfaces.marketo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bulkupload.domain.model.error.ErrorCode;
import org.junit.jupiter.api.Test;

class MarketoErrorCodesTest {

    @Test
    void aFullFileStoreIsMarketosRetryableSystemError() {
        assertEquals("611", MarketoErrorMapper.codeOf(ErrorCode.STORAGE_FULL));
        assertEquals("611", MarketoErrorMapper.codeOf(ErrorCode.INTERNAL_ERROR));
        assertEquals("606", MarketoErrorMapper.codeOf(ErrorCode.CALL_RATE_EXCEEDED));
    }
}
