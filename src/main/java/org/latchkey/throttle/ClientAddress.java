package org.latchkey.throttle;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * The address a request came from: the connection's, unless the connection is a configured trusted proxy — then
 * the right-most X-Forwarded-For entry that is not itself a trusted proxy (entries to its left are the client's
 * own claims and can be forged).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request, Set<String> trustedProxies) {
        String remote = request.getRemoteAddr();
        if (!trustedProxies.contains(remote)) {
            return remote;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return remote;
    }
}
