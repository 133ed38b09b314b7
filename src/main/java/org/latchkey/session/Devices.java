package org.latchkey.session;

import ua_parser.Client;
import ua_parser.Parser;

/** Browser and system from a User-Agent, through uap-java and uap-core's rules — never Latchkey's own regexes. */
final class Devices {

    static final String UNKNOWN = "?";

    private Devices() {
    }

    /** Built at the first look: reading the rules takes a moment, and most instances never list a sign-in. */
    private static final class Rules {
        static final Parser PARSER = new Parser();
    }

    /** {@code [browser, system]}, e.g. {@code ["Firefox 133", "Ubuntu"]}; {@code "?"} for what the agent does not say. */
    static String[] describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new String[] {UNKNOWN, UNKNOWN};
        }
        Client client = Rules.PARSER.parse(userAgent);
        String browser = name(client.userAgent.family, client.userAgent.major);
        String system = name(client.os.family, client.os.major);
        return new String[] {browser, system};
    }

    private static String name(String family, String major) {
        if (family == null || family.equals("Other")) {
            return UNKNOWN;
        }
        return major == null ? family : family + " " + major;
    }
}
