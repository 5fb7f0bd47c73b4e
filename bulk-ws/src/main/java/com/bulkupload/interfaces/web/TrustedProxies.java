package com.bulkupload.interfaces.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies whose word on a client's address is taken (BULK_TRUSTED_PROXIES: addresses and
 * CIDR ranges, IPv4 or IPv6, comma-separated; none by default). Only literal addresses are ever
 * parsed: nothing here resolves a name, so no header can make the server ask DNS anything.
 */
final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Starts with a hex digit or a colon and has a colon: the JDK parses it as a literal or refuses it, never looks it up. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");

    static final TrustedProxies NONE = new TrustedProxies(List.of());

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** @throws IllegalArgumentException naming the entry that is not an address or a range */
    static TrustedProxies parse(String setting) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : setting.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int slash = trimmed.indexOf('/');
            byte[] network = literal(slash < 0 ? trimmed : trimmed.substring(0, slash))
                    .orElseThrow(() -> new IllegalArgumentException("BULK_TRUSTED_PROXIES: " + trimmed + " is not an address or a range"));
            int prefix = network.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(trimmed.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("BULK_TRUSTED_PROXIES: " + trimmed + " has no valid prefix length");
                }
            }
            ranges.add(new Range(network, prefix));
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether {@code address} (a literal, as a servlet container gives it) is one of the proxies. */
    boolean trusts(String address) {
        Optional<byte[]> bytes = literal(address);
        return bytes.isPresent() && ranges.stream().anyMatch(range -> range.contains(bytes.get()));
    }

    /**
     * The client's address of a request that came from {@code peer} with these
     * {@code X-Forwarded-For} values: the peer itself unless it is a trusted proxy; else, reading
     * the list from its end (each proxy appends the address it was called from), the first address
     * that is not a trusted proxy. Anything that is not an address ends the walk at the last one
     * that could be trusted: what stands before it was written by nobody the server trusts.
     */
    String clientOf(String peer, List<String> forwardedFor) {
        if (!trusts(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (literal(hop).isEmpty()) {
                return client;
            }
            client = hop;
            if (!trusts(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** The bytes of an IPv4 or IPv6 literal; empty for anything else, which is never resolved. */
    static Optional<byte[]> literal(String text) {
        if (text == null || text.length() > 45) {
            return Optional.empty();
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (IPV4.matcher(bare).matches()) {
            byte[] bytes = new byte[4];
            String[] octets = bare.split("\\.");
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(octets[i]);
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return Optional.of(bytes);
        }
        if (!IPV6.matcher(bare).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
