package com.bulkupload.infrastructure.fetch;

import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.StorageFull;
import com.bulkupload.application.importing.LimitedInputStream;
import com.bulkupload.application.importing.UploadFileException;
import com.bulkupload.application.requests.RemoteFiles;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.util.Timeout;

/**
 * {@link RemoteFiles} over Apache HttpClient (CONTRACT §10): {@code http}/{@code https} only;
 * every address a host resolves to must be public unless the host is in
 * {@code BULK_FETCH_ALLOWED_HOSTS} (comma-separated names or address literals), and the client
 * connects only to addresses this resolver checked; at most 3 redirects, each judged as the first
 * URL; connect and read timeouts ({@code BULK_FETCH_CONNECT_TIMEOUT_SECONDS} 10,
 * {@code BULK_FETCH_READ_TIMEOUT_SECONDS} 30); the size limit counted while streaming. No proxy
 * (system proxy settings are not used: a proxy would resolve the host itself) and no retries; URLs
 * never reach the log (they may carry a signature of their own).
 */
@ApplicationScoped
public class SafeHttpFetcher implements RemoteFiles {

    static final int MAX_REDIRECTS = 3;
    static final int MAX_URL_LENGTH = 2048;

    @Inject
    BulkSettings settings;

    private Set<String> allowedHosts;
    private long maxBytes;
    private volatile CloseableHttpClient client;

    public SafeHttpFetcher() {
    }

    /** With its policy given (tests, tools). */
    public SafeHttpFetcher(Set<String> allowedHosts, Duration connectTimeout, Duration readTimeout, long maxBytes) {
        this.allowedHosts = lowerCase(allowedHosts);
        this.maxBytes = maxBytes;
        this.client = build(connectTimeout, readTimeout);
    }

    @Override
    public void checkUrl(String url) throws DownloadFailed {
        uri(url);
    }

    @Override
    public long download(String url, Path target, Runnable alive) throws DownloadFailed {
        URI current = uri(url);
        for (int redirects = 0; ; redirects++) {
            HttpGet get = new HttpGet(current);
            try (CloseableHttpResponse response = client().execute(get)) {
                int status = response.getCode();
                if (status >= 300 && status < 400 && status != 304) {
                    Header location = response.getFirstHeader("Location");
                    if (location == null) {
                        throw new DownloadFailed("The file's server answered HTTP " + status + " without a Location.");
                    }
                    if (redirects == MAX_REDIRECTS) {
                        throw new DownloadFailed("The file's server redirected more than " + MAX_REDIRECTS + " times.");
                    }
                    current = uri(resolve(current, location.getValue()));
                    continue;
                }
                if (status != 200) {
                    throw new DownloadFailed("The file's server answered HTTP " + status + ".");
                }
                if (response.getEntity() == null) {
                    throw new DownloadFailed("The file's server sent no body.");
                }
                try (InputStream in = new LimitedInputStream(response.getEntity().getContent(), maxBytes);
                     OutputStream out = Files.newOutputStream(target)) {
                    return copy(in, out, alive);
                } catch (UploadFileException e) {
                    get.abort(); // the rest is not read: the connection is closed on the server
                    throw new DownloadFailed("The file is larger than the limit of " + maxBytes + " bytes; the download was stopped there.");
                } catch (RuntimeException e) {
                    get.abort(); // stopped by its caller (the download was taken over)
                    throw e;
                }
            } catch (RefusedAddress e) {
                throw new DownloadFailed(e.getMessage());
            } catch (ConnectTimeoutException e) {
                throw new DownloadFailed("The file's server did not accept a connection in time.");
            } catch (SocketTimeoutException e) {
                throw new DownloadFailed("The file's server stopped sending: the read timed out.");
            } catch (UnknownHostException e) {
                throw new DownloadFailed("The file's host is not known.");
            } catch (HttpHostConnectException e) {
                throw new DownloadFailed("The file's server refused the connection.");
            } catch (IOException e) {
                if (StorageFull.in(e)) {
                    // not the URL's fault: the download waits for space (RemoteFileImporter)
                    throw new java.io.UncheckedIOException(e);
                }
                throw new DownloadFailed("The download failed: " + e.getClass().getSimpleName() + ".");
            }
        }
    }

    private static long copy(InputStream in, OutputStream out, Runnable alive) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long bytes = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            bytes += n;
            alive.run();
        }
        return bytes;
    }

    private URI uri(String url) throws DownloadFailed {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw new DownloadFailed("FileUrl must be an http or https URL of at most " + MAX_URL_LENGTH + " characters.");
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new DownloadFailed("FileUrl must be http or https; " + (scheme.isEmpty() ? "it has no scheme" : scheme + ": is not fetched") + ".");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new DownloadFailed("FileUrl has no host.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new DownloadFailed("FileUrl is not a valid URL.");
        }
    }

    private static String resolve(URI base, String location) throws DownloadFailed {
        try {
            return base.resolve(new URI(location.trim())).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new DownloadFailed("The file's server redirected to an invalid URL.");
        }
    }

    /** The one resolver the client uses: an address it refuses is never connected to. */
    private final class CheckingResolver implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(name);
            if (allowedHosts().contains(name.toLowerCase(Locale.ROOT))) {
                return addresses;
            }
            for (InetAddress address : addresses) {
                if (!PublicAddresses.isPublic(address)) {
                    throw new RefusedAddress("FileUrl's host resolves to " + address.getHostAddress()
                            + ", which is not a public address; nothing was fetched.");
                }
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
    }

    /** A refusal of the policy, carried through the client as the I/O failure its resolver may throw. */
    private static final class RefusedAddress extends UnknownHostException {
        RefusedAddress(String message) {
            super(message);
        }
    }

    private CloseableHttpClient client() {
        CloseableHttpClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    allowedHosts = lowerCase(Arrays.stream(settings.get("BULK_FETCH_ALLOWED_HOSTS").orElse("").split(","))
                            .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
                    maxBytes = settings.maxFileBytes();
                    client = build(Duration.ofSeconds(Long.parseLong(settings.get("BULK_FETCH_CONNECT_TIMEOUT_SECONDS").orElse("10"))),
                            Duration.ofSeconds(Long.parseLong(settings.get("BULK_FETCH_READ_TIMEOUT_SECONDS").orElse("30"))));
                }
                current = client;
            }
        }
        return current;
    }

    private Set<String> allowedHosts() {
        return allowedHosts == null ? Set.of() : allowedHosts;
    }

    private CloseableHttpClient build(Duration connectTimeout, Duration readTimeout) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckingResolver())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout)).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    private static Set<String> lowerCase(Set<String> hosts) {
        return hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    @PreDestroy
    void close() throws IOException {
        if (client != null) {
            client.close();
        }
    }
}
