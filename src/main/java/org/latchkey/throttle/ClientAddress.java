package org.latchkey.throttle;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The address a request came from, in one spelling ({@link TrustedProxies#normalized}): the connection's, unless the
 * connection is a trusted proxy — then the right-most hop of the proxies' header that is not itself a trusted
 * proxy, read across every line of that header (a proxy that adds a line of its own must not let the client's
 * forged first line win). Hops to the left of it are the client's own claims. A hop that is no IP address (an
 * obfuscated {@code Forwarded} identifier, garbage a misconfigured proxy passed on) is no address anyone vouches
 * for: the proxy that handed it over counts instead.
 */
public final class ClientAddress {

    /** Longer header values are not read at all (the last proxy's own address counts). */
    static final int MAX_HEADER = 4096;

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request, TrustedProxies trusted) {
        String remote = request.getRemoteAddr();
        String connection = TrustedProxies.normalized(remote).orElse(remote == null ? "" : remote);
        if (trusted.isEmpty() || !trusted.contains(connection)) {
            return connection;
        }
        String vouching = connection;
        for (String hop : hops(request, trusted.header())) {
            Optional<String> address = TrustedProxies.normalized(hop);
            if (address.isEmpty()) {
                return vouching;
            }
            if (!trusted.contains(address.get())) {
                return address.get();
            }
            vouching = address.get();
        }
        return vouching;
    }

    /** The hops of every line of the header, right-most first. */
    static List<String> hops(HttpServletRequest request, String header) {
        List<String> hops = new ArrayList<>();
        int length = 0;
        for (String line : Collections.list(request.getHeaders(header))) {
            length += line.length();
            if (length > MAX_HEADER) {
                return List.of();
            }
            for (String element : line.split(",")) {
                hops.add(TrustedProxies.FORWARDED.equals(header) ? forwardedFor(element) : element.strip());
            }
        }
        Collections.reverse(hops);
        return hops;
    }

    /** The {@code for=} node of one RFC 7239 element: {@code 192.0.2.1}, {@code "[2001:db8::1]:4711"}, {@code unknown}. */
    private static String forwardedFor(String element) {
        for (String pair : element.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("for")) {
                String node = pair.substring(equals + 1).strip();
                if (node.length() >= 2 && node.startsWith("\"") && node.endsWith("\"")) {
                    node = node.substring(1, node.length() - 1);
                }
                if (node.startsWith("[")) { // [v6] or [v6]:port
                    int close = node.indexOf(']');
                    return close > 0 ? node.substring(1, close) : "";
                }
                int colon = node.indexOf(':');
                return colon > 0 && node.indexOf(':', colon + 1) < 0 ? node.substring(0, colon) : node; // v4:port
            }
        }
        return "";
    }
}
