package com.bulkupload.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Whose X-Forwarded-For is believed, and which of its addresses is the client's. */
class TrustedProxiesTest {

    private final TrustedProxies balancer = TrustedProxies.parse("10.0.0.0/8, 192.0.2.7, ::1, fd00::/8");

    @Test
    void aClientThatIsNoTrustedProxyKeepsItsOwnAddressWhateverItsHeaderSays() {
        assertEquals("203.0.113.5", balancer.clientOf("203.0.113.5", List.of("198.51.100.1")));
        assertEquals("203.0.113.5", TrustedProxies.NONE.clientOf("203.0.113.5", List.of("198.51.100.1")));
        assertTrue(TrustedProxies.parse(" , ").isEmpty(), "none by default: nobody's header is believed");
    }

    @Test
    void behindTrustedProxiesTheClientIsTheLastAddressNoTrustedProxyAppended() {
        assertEquals("198.51.100.1", balancer.clientOf("10.1.2.3", List.of("198.51.100.1")));
        // the client claimed 6.6.6.6 itself; the balancer appended the address it saw
        assertEquals("198.51.100.1", balancer.clientOf("10.1.2.3", List.of("6.6.6.6, 198.51.100.1")));
        assertEquals("198.51.100.1", balancer.clientOf("192.0.2.7", List.of("6.6.6.6", "198.51.100.1, 10.9.9.9")));
        assertEquals("2001:db8::5", balancer.clientOf("::1", List.of("2001:db8::5, fd12::1")));
        assertEquals("10.4.4.4", balancer.clientOf("10.1.2.3", List.of("10.4.4.4, 10.5.5.5")), "all trusted: the first one");
        assertEquals("10.1.2.3", balancer.clientOf("10.1.2.3", List.of()), "no header: the proxy itself");
    }

    @Test
    void anythingThatIsNotAnAddressEndsTheWalkAndIsNeverLookedUp() {
        assertEquals("10.5.5.5", balancer.clientOf("10.1.2.3", List.of("198.51.100.1, localhost, 10.5.5.5")));
        assertEquals("10.1.2.3", balancer.clientOf("10.1.2.3", List.of("unknown")));
        assertEquals("10.1.2.3", balancer.clientOf("10.1.2.3", List.of("999.1.1.1")));
        assertEquals("10.1.2.3", balancer.clientOf("10.1.2.3", List.of(".:evil")));
        assertTrue(TrustedProxies.literal("example.com").isEmpty());
        assertTrue(TrustedProxies.literal("abc").isEmpty(), "hex letters alone are a name, not an address");
        assertTrue(TrustedProxies.literal("1:2:3").isEmpty(), "an IPv6 form the JDK refuses without a lookup");
        assertEquals(4, TrustedProxies.literal("[::ffff:192.0.2.1]").orElseThrow().length);
    }

    @Test
    void rangesMatchByTheirPrefixAndABadEntryIsRefusedByName() {
        TrustedProxies ranges = TrustedProxies.parse("172.16.0.0/12,2001:db8:aa00::/40");
        assertTrue(ranges.trusts("172.31.255.255"));
        assertFalse(ranges.trusts("172.32.0.1"));
        assertTrue(ranges.trusts("2001:db8:aaff::1"));
        assertFalse(ranges.trusts("2001:db8:ab00::1"));
        assertEquals("BULK_TRUSTED_PROXIES: balancer.internal is not an address or a range",
                assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("balancer.internal")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/x"));
    }
}
