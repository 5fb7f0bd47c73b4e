package com.bulkupload.interfaces.admin;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.maintenance.ServerStartup;
import com.bulkupload.domain.model.error.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminKeyFilter implements ContainerRequestFilter {

    public static final String HEADER = "X-Admin-Key";
    private final ServerStartup server;

    public AdminKeyFilter(ServerStartup server) {
        this.server = server;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!server.isAdminKey(request.getHeaderString(HEADER))) {
            throw new BulkApiException(ErrorCode.INVALID_CREDENTIALS, "The X-Admin-Key header is missing or wrong.");
        }
    }
}
