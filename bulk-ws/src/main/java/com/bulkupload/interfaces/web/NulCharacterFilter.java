package com.bulkupload.interfaces.web;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.domain.model.error.ErrorCode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Refuses (100) a path or query parameter holding a NUL character once decoded ({@code %00}):
 * no id, key or filter of the API has one, and PostgreSQL refuses to compare with it. JSON bodies
 * get the same rule from {@link JsonMapping}; SOAP's XML cannot carry a NUL at all.
 */
@Provider
@PreMatching
public class NulCharacterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        boolean nul = request.getUriInfo().getPath(true).indexOf('\0') >= 0;
        for (List<String> values : request.getUriInfo().getQueryParameters(true).values()) {
            nul |= values.stream().anyMatch(v -> v != null && v.indexOf('\0') >= 0);
        }
        if (nul) {
            throw new BulkApiException(ErrorCode.NULL_REQUEST, "The address may not contain a NUL character.");
        }
    }
}
