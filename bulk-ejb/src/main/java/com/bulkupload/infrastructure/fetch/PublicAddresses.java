package com.bulkupload.infrastructure.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Whether an address is on the public internet: not loopback, private, link-local (the cloud
 * metadata address 169.254.169.254 among them), shared (CGNAT), multicast, unspecified, reserved,
 * documentation or benchmarking space, IPv4 or IPv6, nor an IPv6 form of such an IPv4 address.
 */
final class PublicAddresses {

    private PublicAddresses() {
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xFF;
            if ((first & 0xFE) == 0xFC) {
                return false; // fc00::/7 unique local
            }
            if (first == 0xFE && (b[1] & 0xC0) == 0xC0) {
                return false; // fec0::/10 site local (deprecated)
            }
            boolean zeros96 = true;
            for (int i = 0; i < 10; i++) {
                zeros96 &= b[i] == 0;
            }
            if (zeros96 && ((b[10] == 0 && b[11] == 0) || ((b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF))) {
                // ::a.b.c.d (compatible) and ::ffff:a.b.c.d (mapped): judged as the IPv4 address
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02) {
                return isPublicV4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4 embeds an IPv4 address
            }
            if ((b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B) {
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]}); // 64:ff9b::/96 NAT64
            }
            return !((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x01 && (b[2] & 0xFF) == 0x0D && (b[3] & 0xFF) == 0xB8); // 2001:db8::/32
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a = b[0] & 0xFF;
        int c = b[1] & 0xFF;
        if (a == 0 || a == 10 || a == 127 || a >= 224) {
            return false; // this network, private, loopback, multicast and reserved (240/4, broadcast)
        }
        if ((a == 169 && c == 254) || (a == 172 && c >= 16 && c <= 31) || (a == 192 && c == 168)) {
            return false; // link-local (metadata), private
        }
        if (a == 100 && c >= 64 && c <= 127) {
            return false; // 100.64/10 shared address space
        }
        if (a == 192 && c == 0 && (b[2] & 0xFF) == 0 || a == 192 && c == 0 && (b[2] & 0xFF) == 2) {
            return false; // 192.0.0/24 protocol assignments, 192.0.2/24 documentation
        }
        if (a == 198 && (c == 18 || c == 19) || a == 198 && c == 51 && (b[2] & 0xFF) == 100 || a == 203 && c == 0 && (b[2] & 0xFF) == 113) {
            return false; // benchmarking, documentation
        }
        return true;
    }
}
