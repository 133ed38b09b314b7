package org.latchkey.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final TrustedProxies NONE = TrustedProxies.none();

    /** A request from {@code remote} whose header {@code name} came as these lines. */
    private static HttpServletRequest withHeader(String remote, String name, String... lines) {
        Map<String, Object> answers = new java.util.HashMap<>();
        answers.put("getRemoteAddr", remote);
        return (HttpServletRequest) Proxy.newProxyInstance(ClientAddressTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaders" -> Collections.enumeration(name.equalsIgnoreCase((String) args[0]) ? List.of(lines) : List.of());
                    case "getHeader" -> name.equalsIgnoreCase((String) args[0]) && lines.length > 0 ? lines[0] : null;
                    default -> answers.get(method.getName());
                });
    }

    private static HttpServletRequest request(String remote, String... forwardedFor) {
        return withHeader(remote, "X-Forwarded-For", forwardedFor);
    }

    private static TrustedProxies trusted(String... entries) {
        return TrustedProxies.of(List.of(entries));
    }

    @Test
    void theConnectionUnlessItIsATrustedProxy() {
        assertEquals("203.0.113.9", ClientAddress.of(request("203.0.113.9", "1.2.3.4"), NONE), "header ignored");
        assertEquals("203.0.113.9", ClientAddress.of(request("203.0.113.9", "1.2.3.4"), trusted("10.0.0.2")),
                "header ignored from anyone but a trusted proxy");
        assertEquals("198.51.100.7", ClientAddress.of(request("10.0.0.2", "1.2.3.4, 198.51.100.7"), trusted("10.0.0.2")),
                "right-most entry: the left ones are the client's own claims");
        assertEquals("198.51.100.7", ClientAddress.of(request("10.0.0.2", "198.51.100.7, 10.0.0.3"),
                trusted("10.0.0.2", "10.0.0.3")), "skips the chain of trusted proxies");
        assertEquals("10.0.0.2", ClientAddress.of(request("10.0.0.2"), trusted("10.0.0.2")), "no header: the proxy");
    }

    @Test
    void everyLineCountsSoAForgedFirstLineNeverWins() {
        assertEquals("198.51.100.7", ClientAddress.of(request("10.0.0.2", "6.6.6.6", "198.51.100.7"), trusted("10.0.0.2")),
                "the client's forged line first, the proxy's own line second");
        assertEquals("198.51.100.7", ClientAddress.of(request("10.0.0.2", "6.6.6.6, 10.9.9.9", "198.51.100.7, 10.0.0.3"),
                trusted("10.0.0.0/24")), "a range; the forged 10.9.9.9 is outside it, but 198.51.100.7 is nearer");
    }

    @Test
    void rangesAndSpellingsOfOneAddressMatch() {
        TrustedProxies local = trusted("::1", "10.0.0.0/8", "fd00::/8", "192.168.1.0/25");
        assertEquals("198.51.100.7", ClientAddress.of(request("0:0:0:0:0:0:0:1", "198.51.100.7"), local), "::1 as the JDK spells it");
        assertEquals("198.51.100.7", ClientAddress.of(request("10.200.3.4", "198.51.100.7"), local), "inside 10/8");
        assertEquals("198.51.100.7", ClientAddress.of(request("fd12:3456::9", "198.51.100.7"), local), "inside fd00::/8");
        assertEquals("198.51.100.7", ClientAddress.of(request("::ffff:10.0.0.2", "198.51.100.7"), local), "IPv4-mapped");
        assertEquals("192.168.1.128", ClientAddress.of(request("192.168.1.128", "198.51.100.7"), local), "just outside /25");
        assertEquals("2001:db8:0:0:0:0:0:1", ClientAddress.of(request("10.0.0.2", "2001:DB8::1"), local),
                "one spelling of the client's address");
    }

    @Test
    void aHopThatIsNoAddressLeavesTheProxyThatHandedItOver() {
        assertEquals("10.0.0.3", ClientAddress.of(request("10.0.0.2", "198.51.100.7, <script>, 10.0.0.3"),
                trusted("10.0.0.2", "10.0.0.3")), "garbage is nobody's address");
        assertEquals("10.0.0.2", ClientAddress.of(request("10.0.0.2", "proxy.internal"), trusted("10.0.0.2")),
                "names are not looked up");
        assertEquals("10.0.0.2", ClientAddress.of(request("10.0.0.2", "1.2.3.4," + "9".repeat(5000)), trusted("10.0.0.2")),
                "an oversized header is not read");
    }

    @Test
    void theForwardedHeaderWhenThatIsWhatTheProxyWrites() {
        TrustedProxies forwarded = TrustedProxies.of(List.of("10.0.0.2"), TrustedProxies.FORWARDED);
        assertEquals("198.51.100.7", ClientAddress.of(withHeader("10.0.0.2", "Forwarded",
                "for=6.6.6.6", "for=198.51.100.7;proto=https;by=10.0.0.2"), forwarded));
        assertEquals("2001:db8:cafe:0:0:0:0:17", ClientAddress.of(withHeader("10.0.0.2", "Forwarded",
                "For=\"[2001:db8:cafe::17]:4711\""), forwarded), "quoted IPv6 with a port");
        assertEquals("192.0.2.43", ClientAddress.of(withHeader("10.0.0.2", "Forwarded", "for=192.0.2.43:47011"), forwarded));
        assertEquals("10.0.0.2", ClientAddress.of(withHeader("10.0.0.2", "Forwarded", "for=unknown"), forwarded),
                "an obfuscated node");
        assertEquals("10.0.0.2", ClientAddress.of(withHeader("10.0.0.2", "X-Forwarded-For", "198.51.100.7"), forwarded),
                "the header the proxy does not write is the client's and is not read");
    }
}
