package com.bulkupload.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.domain.model.error.ErrorCode;
import com.fasterxml.jackson.core.JsonParseException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class ApiExceptionMapperTest {

    private final ApiExceptionMapper mapper = new ApiExceptionMapper(ApiExceptionMapper.OWN_STATUS, true);
    private final ApiExceptionMapper bingRest = new ApiExceptionMapper(ApiExceptionMapper.BING_REST_STATUS, false);

    private static ApiErrors.OperationError error(Response response) {
        ApiErrors.ApiFaultDetail body = (ApiErrors.ApiFaultDetail) response.getEntity();
        assertEquals("ApiFaultDetail", body.type());
        assertEquals(1, body.operationErrors().size());
        return body.operationErrors().get(0);
    }

    @Test
    void refusalKeepsItsCodeAndStatus() {
        for (ErrorCode code : ErrorCode.values()) {
            Response response = mapper.toResponse(new BulkApiException(code, "why"));
            assertEquals(code.httpStatus(), response.getStatus(), code.name());
            assertEquals(code.code(), error(response).code());
            assertEquals(code.errorCode(), error(response).errorCode());
            assertEquals("why", error(response).details());
        }
    }

    @Test
    void bingJsonAnswersOnlyTheStatusesMicrosoftsRestSdkParses() {
        for (ErrorCode code : ErrorCode.values()) {
            int status = bingRest.toResponse(new BulkApiException(code, "why")).getStatus();
            int expected = switch (code.code()) {
                case 105, 107, 109 -> 401;
                case 106 -> 403;
                case 0 -> 500;
                default -> 400;
            };
            assertEquals(expected, status, code.name());
        }
        assertEquals(400, bingRest.toResponse(new NotFoundException()).getStatus());
        assertEquals(500, bingRest.toResponse(new IllegalStateException("x")).getStatus());
    }

    @Test
    void unreadableJsonIsNullRequest() {
        Response response = mapper.toResponse(new JsonParseException(null, "Unexpected end-of-input"));
        assertEquals(400, response.getStatus());
        assertEquals(100, error(response).code());
    }

    @Test
    void wrongPathOrMediaTypeKeepsItsStatus() {
        assertEquals(404, mapper.toResponse(new NotFoundException()).getStatus());
        assertEquals(100, error(mapper.toResponse(new NotFoundException())).code());
        assertEquals(415, mapper.toResponse(new NotSupportedException()).getStatus());
    }

    @Test
    void anythingElseIsAnInternalErrorWithoutDetails() {
        Response response = mapper.toResponse(new IllegalStateException("secret internals"));
        assertEquals(500, response.getStatus());
        assertEquals(0, error(response).code());
        assertNull(error(response).details());
    }

    @Test
    void bearerTokenIsTakenFromTheAuthorizationHeader() {
        assertEquals("abc", ApiAuthenticationFilter.bearerToken("Bearer abc"));
        assertEquals("abc", ApiAuthenticationFilter.bearerToken("bearer  abc "));
        assertNull(ApiAuthenticationFilter.bearerToken("Basic abc"));
        assertNull(ApiAuthenticationFilter.bearerToken("Bearer "));
        assertNull(ApiAuthenticationFilter.bearerToken(null));
    }
}
