package org.latchkey.throttle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose forwarding header is believed: IP addresses and CIDR ranges, IPv4 and IPv6, compared as
 * bytes, so {@code ::1}, {@code 0:0:0:0:0:0:0:1} and {@code 0::1} are one address and an IPv4-mapped IPv6 address
 * ({@code ::ffff:10.0.0.2}) is its IPv4 address. Host names are refused, never looked up.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    public static final String X_FORWARDED_FOR = "X-Forwarded-For";
    public static final String FORWARDED = "Forwarded";
    private static final TrustedProxies NONE = new TrustedProxies(List.of(), List.of(), X_FORWARDED_FOR);

    private final List<byte[]> networks;
    private final List<Integer> prefixes;
    private final String header;

    private TrustedProxies(List<byte[]> networks, List<Integer> prefixes, String header) {
        this.networks = networks;
        this.prefixes = prefixes;
        this.header = header;
    }

    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * @param entries addresses or CIDR ranges such as {@code 10.0.0.2}, {@code 10.0.0.0/8}, {@code ::1},
     *                {@code fd00::/8}
     * @throws IllegalStateException naming the first entry that is neither
     */
    public static TrustedProxies of(List<String> entries) {
        return of(entries, X_FORWARDED_FOR);
    }

    /**
     * @param header the one header the proxies write, {@code X-Forwarded-For} or {@code Forwarded} (RFC 7239): a proxy
     *               passes the other one on as the client sent it, so it is never read
     */
    public static TrustedProxies of(List<String> entries, String header) {
        if (!X_FORWARDED_FOR.equals(header) && !FORWARDED.equals(header)) {
            throw org.latchkey.consumer.ConfigValues.refused("latchkey.forwarded-header", header,
                    "X-Forwarded-For (the default) or Forwarded, whichever header your proxy writes");
        }
        List<byte[]> networks = new ArrayList<>();
        List<Integer> prefixes = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip();
            int slash = entry.indexOf('/');
            Optional<byte[]> address = bytes(slash < 0 ? entry : entry.substring(0, slash));
            int bits = address.map(a -> a.length * 8).orElse(0);
            int prefix = bits;
            if (address.isPresent() && slash >= 0) {
                String length = entry.substring(slash + 1);
                prefix = length.matches("\\d{1,3}") ? Integer.parseInt(length) : -1;
            }
            if (address.isEmpty() || prefix < 0 || prefix > bits) {
                throw new IllegalStateException("latchkey.trusted-proxies (LATCHKEY_TRUSTED_PROXIES) has '" + entry
                        + "'; set comma-separated IP addresses or CIDR ranges of your reverse proxies, e.g."
                        + " 10.0.0.2,10.0.0.0/24,fd00::/64 (host names are not looked up).");
            }
            networks.add(address.get());
            prefixes.add(prefix);
        }
        return new TrustedProxies(List.copyOf(networks), List.copyOf(prefixes), header);
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    /** The header whose hops are read. */
    public String header() {
        return header;
    }

    /** Whether this text is an IP address inside one of the ranges (false for anything that is no IP address). */
    public boolean contains(String address) {
        Optional<byte[]> candidate = bytes(address);
        if (candidate.isEmpty()) {
            return false;
        }
        for (int i = 0; i < networks.size(); i++) {
            if (inside(candidate.get(), networks.get(i), prefixes.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The one spelling of an IP address ({@code 0:0:0:0:0:0:0:1} for {@code ::1}, the IPv4 address for an IPv4-mapped
     * one), or empty for text that is no IP address literal (nothing is ever looked up).
     */
    public static Optional<String> normalized(String text) {
        return bytes(text).map(TrustedProxies::text);
    }

    static Optional<byte[]> bytes(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        boolean v4 = IPV4.matcher(literal).matches();
        if (!v4 && !(IPV6.matcher(literal).matches() && literal.contains(":"))) {
            return Optional.empty(); // a name, or a zone index: never resolved
        }
        try {
            // a dotted quad or text with a colon is parsed as a literal by the JDK, without any lookup
            return Optional.of(InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not 4 or 16 bytes", e);
        }
    }

    private static boolean inside(byte[] candidate, byte[] network, int prefix) {
        if (candidate.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[whole] & mask) == (network[whole] & mask);
    }
}
