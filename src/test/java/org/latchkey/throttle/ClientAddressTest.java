package org.latchkey.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static HttpServletRequest request(String remote, String forwardedFor) {
        Map<String, Object> answers = new java.util.HashMap<>();
        answers.put("getRemoteAddr", remote);
        return (HttpServletRequest) Proxy.newProxyInstance(ClientAddressTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> method.getName().equals("getHeader")
                        ? ("X-Forwarded-For".equals(args[0]) ? forwardedFor : null) : answers.get(method.getName()));
    }

    @Test
    void theConnectionUnlessItIsATrustedProxy() {
        assertEquals("203.0.113.9", ClientAddress.of(request("203.0.113.9", "1.2.3.4"), Set.of()), "header ignored");
        assertEquals("198.51.100.7", ClientAddress.of(request("10.0.0.2", "1.2.3.4, 198.51.100.7"), Set.of("10.0.0.2")),
                "right-most entry: the left ones are the client's own claims");
        assertEquals("198.51.100.7", ClientAddress.of(request("10.0.0.2", "198.51.100.7, 10.0.0.3"),
                Set.of("10.0.0.2", "10.0.0.3")), "skips the chain of trusted proxies");
        assertEquals("10.0.0.2", ClientAddress.of(request("10.0.0.2", null), Set.of("10.0.0.2")));
    }
}
