package com.bulkupload.interfaces.web;

import com.bulkupload.application.BulkSettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;

/**
 * The client's own address behind a balancer: a request from one of BULK_TRUSTED_PROXIES is seen
 * with the address its {@code X-Forwarded-For} names ({@link TrustedProxies#clientOf}); from
 * anyone else the header is ignored, so a client cannot choose the address its per-address limits
 * count against (the token throttle, uploads in flight). The first filter (WEB-INF/web.xml), on
 * every dispatch, so everything after it sees one address.
 */
public class ClientAddressFilter extends HttpFilter {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    @Inject
    BulkSettings settings;

    private TrustedProxies proxies = TrustedProxies.NONE;

    @Override
    public void init() {
        proxies = TrustedProxies.parse(settings.get("BULK_TRUSTED_PROXIES").orElse(""));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(proxies.isEmpty() ? request : seenFromClient(request, proxies), response);
    }

    static HttpServletRequest seenFromClient(HttpServletRequest request, TrustedProxies proxies) {
        String peer = request.getRemoteAddr();
        String client = proxies.clientOf(peer, Collections.list(request.getHeaders(FORWARDED_FOR)));
        if (client.equals(peer)) {
            return request;
        }
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return client;
            }

            @Override
            public String getRemoteHost() {
                return client;
            }
        };
    }
}
