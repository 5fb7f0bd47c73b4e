package com.bulkupload.interfaces.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolves the dot segments of a request's path as a browser would (RFC 3986 section 5.2.4, and
 * the URL standard's {@code %2e} spellings): {@code /rest/../bulk/v1/x} is {@code /bulk/v1/x}
 * (node-marketo-rest calls exactly that), and nothing climbs above the root. The container
 * resolves the path it routes by but hands CXF the request URI as sent, which CXF matches
 * resources against; both must say the same.
 */
public final class DotSegments {

    private DotSegments() {
    }

    /** The request with its path resolved, or the request itself when it has no dot segment. */
    public static HttpServletRequest resolved(HttpServletRequest request) {
        String raw = request.getRequestURI();
        if (raw == null || !(raw.contains("/.") || raw.toLowerCase(java.util.Locale.ROOT).contains("/%2e"))) {
            return request;
        }
        String path = resolve(raw);
        String decoded;
        try {
            decoded = new URI("http", "h", "/", null).resolve(path).getPath();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return request; // not a path a URI can hold: the container's own answer stands
        }
        String prefix = request.getContextPath() + request.getServletPath();
        String pathInfo = decoded.startsWith(prefix) ? decoded.substring(prefix.length()) : decoded;
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getRequestURI() {
                return path;
            }

            @Override
            public StringBuffer getRequestURL() {
                StringBuffer url = new StringBuffer(request.getScheme()).append("://").append(request.getServerName());
                int port = request.getServerPort();
                if (!(port == 80 && "http".equals(request.getScheme())) && !(port == 443 && "https".equals(request.getScheme()))) {
                    url.append(':').append(port);
                }
                return url.append(path);
            }

            @Override
            public String getPathInfo() {
                return pathInfo.isEmpty() ? null : pathInfo;
            }
        };
    }

    /** RFC 3986 remove_dot_segments over a raw (still percent-encoded) absolute path. */
    static String resolve(String rawPath) {
        String[] segments = rawPath.split("/", -1);
        Deque<String> kept = new ArrayDeque<>();
        boolean endsInDirectory = false;
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i].toLowerCase(java.util.Locale.ROOT);
            boolean last = i == segments.length - 1;
            if (segment.equals(".") || segment.equals("%2e")) {
                endsInDirectory = last;
            } else if (segment.equals("..") || segment.equals(".%2e") || segment.equals("%2e.") || segment.equals("%2e%2e")) {
                kept.pollLast();
                endsInDirectory = last;
            } else {
                kept.addLast(segments[i]);
                endsInDirectory = false;
            }
        }
        StringBuilder path = new StringBuilder();
        for (String segment : kept) {
            path.append('/').append(segment);
        }
        if (endsInDirectory || path.length() == 0) {
            path.append('/');
        }
        return path.toString();
    }
}
