package org.latchkey.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void oneSpellingPerAddressAndNoLookups() {
        assertEquals(Optional.of("0:0:0:0:0:0:0:1"), TrustedProxies.normalized("::1"));
        assertEquals(Optional.of("0:0:0:0:0:0:0:1"), TrustedProxies.normalized("[0::1]"));
        assertEquals(Optional.of("10.0.0.2"), TrustedProxies.normalized("::ffff:10.0.0.2"));
        assertEquals(Optional.empty(), TrustedProxies.normalized("localhost"), "a name is no address");
        assertEquals(Optional.empty(), TrustedProxies.normalized("127.1"), "only dotted quads");
        assertEquals(Optional.empty(), TrustedProxies.normalized("010.0.0.1"), "no octal-looking octets");
        assertEquals(Optional.empty(), TrustedProxies.normalized("fe80::1%eth0"), "no zone index");
        assertEquals(Optional.empty(), TrustedProxies.normalized(null));
    }

    @Test
    void rangesCoverExactlyTheirPrefix() {
        TrustedProxies ranges = TrustedProxies.of(List.of("10.0.0.0/8", "192.168.7.5", "2001:db8::/32", "0.0.0.0/0"));
        assertTrue(ranges.contains("10.255.255.255"));
        assertTrue(ranges.contains("8.8.8.8"), "/0 is every IPv4 address");
        assertFalse(ranges.contains("2001:db9::1"), "but no IPv6 one");
        assertTrue(ranges.contains("2001:0db8:ffff::1"));
        TrustedProxies odd = TrustedProxies.of(List.of("172.16.0.0/12"));
        assertTrue(odd.contains("172.31.255.255"));
        assertFalse(odd.contains("172.32.0.0"));
        assertFalse(odd.contains("172.15.255.255"));
        assertFalse(odd.contains("garbage"));
    }

    @Test
    void badEntriesAreRefusedByName() {
        for (String bad : List.of("proxy.internal", "10.0.0.0/33", "::1/129", "10.0.0.1/", "10.0.0.1/x", "1.2.3")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> TrustedProxies.of(List.of(bad)), bad);
            assertTrue(e.getMessage().startsWith("latchkey.trusted-proxies (LATCHKEY_TRUSTED_PROXIES) has '" + bad + "'"),
                    e.getMessage());
        }
    }
}
