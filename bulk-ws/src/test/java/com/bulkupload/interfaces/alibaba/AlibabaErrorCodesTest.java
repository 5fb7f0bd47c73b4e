package com.bulkupload.interfaces.alibaba;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.bulkupload.application.StorageFull;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class AlibabaErrorCodesTest {

    @Test
    void aFullFileStoreIsAlibabasRetryableServiceUnavailable() {
        AlibabaErrorMapper mapper = new AlibabaErrorMapper();
        mapper.request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{HttpServletRequest.class},
                (proxy, method, args) -> null);
        Response response = mapper.toResponse(StorageFull.refusal("later"));
        assertEquals(503, response.getStatus());
        assertEquals("ServiceUnavailable", ((AlibabaJson.Error) response.getEntity()).code());
    }
}
