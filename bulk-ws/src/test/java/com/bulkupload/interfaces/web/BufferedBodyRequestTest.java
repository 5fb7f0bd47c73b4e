package com.bulkupload.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A request whose body was read before the call: the body again, and the parameters a container would give. */
class BufferedBodyRequestTest {

    private static HttpServletRequest original(String contentType, String query) {
        return (HttpServletRequest) Proxy.newProxyInstance(BufferedBodyRequestTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getContentType" -> contentType;
                    case "getQueryString" -> query;
                    case "getCharacterEncoding" -> "UTF-8";
                    default -> null;
                });
    }

    @Test
    void theBodyIsReadAgainWholeAndItsLengthIsItsOwn() throws IOException {
        byte[] body = "{\"RequestId\":\"请求\"}".getBytes(StandardCharsets.UTF_8);
        BufferedBodyRequest request = new BufferedBodyRequest(original("application/json", null), body);
        assertArrayEquals(body, request.getInputStream().readAllBytes());
        assertArrayEquals(body, request.getInputStream().readAllBytes(), "each call starts at the beginning");
        assertEquals(body.length, request.getContentLength());
        assertEquals("{\"RequestId\":\"请求\"}", request.getReader().readLine());
        assertThrows(IllegalStateException.class, () -> request.getInputStream().setReadListener(null));
    }

    @Test
    void aFormsParametersComeFromItsBodyAfterTheQuerysAndBadEscapesAreLeftOut() {
        byte[] body = "grant_type=client_credentials&client_id=a%20b&bad=%zz&scope=x&scope=y".getBytes(StandardCharsets.US_ASCII);
        BufferedBodyRequest request = new BufferedBodyRequest(original("application/x-www-form-urlencoded; charset=UTF-8", "scope=q"), body);
        assertEquals("client_credentials", request.getParameter("grant_type"));
        assertEquals("a b", request.getParameter("client_id"));
        assertNull(request.getParameter("bad"));
        assertArrayEquals(new String[]{"q", "x", "y"}, request.getParameterValues("scope"));
        assertEquals(3, request.getParameterMap().size());
    }

    @Test
    void aJsonBodyGivesNoParametersOnlyTheQuerys() {
        BufferedBodyRequest request = new BufferedBodyRequest(original("application/json", "a=1"), "a=2".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(new String[]{"1"}, request.getParameterValues("a"));
    }
}
