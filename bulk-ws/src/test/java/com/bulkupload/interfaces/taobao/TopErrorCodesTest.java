package com.bulkupload.interfaces.taobao;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.application.StorageFull;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class TopErrorCodesTest {

    @Test
    void aFullFileStoreIsTopsRetryablePlatformSideError() {
        TopErrorMapper mapper = new TopErrorMapper();
        mapper.request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{HttpServletRequest.class},
                (proxy, method, args) -> method.getName().equals("getAttribute") && TopErrorMapper.FORMAT.equals(args[0]) ? Boolean.TRUE : null);
        Response response = mapper.toResponse(StorageFull.refusal("The file store is full."));
        String body = response.getEntity().toString();
        assertTrue(body.contains("\"code\":15") && body.contains("\"sub_code\":\"isp.service-unavailable\""), body);
    }
}
