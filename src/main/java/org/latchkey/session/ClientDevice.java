package org.latchkey.session;

/** Where a request came from, as a sign-in remembers it: the client address and the browser's own words. */
public record ClientDevice(String address, String userAgent) {

    static final int MAX_AGENT = 300;

    /** As a person reads it: {@code Firefox 133 on Ubuntu, 203.0.113.7}; question marks for what the request did not say. */
    public String described() {
        String[] names = Devices.describe(userAgent);
        return names[0] + " on " + names[1] + ", " + (address == null ? Devices.UNKNOWN : address);
    }

    /** Cut to what the column holds, control characters as spaces; none when the client sent none. */
    public static ClientDevice of(String address, String userAgent) {
        String agent = userAgent == null || userAgent.isBlank() ? null : userAgent.replaceAll("\\p{Cntrl}", " ").strip();
        if (agent != null && agent.length() > MAX_AGENT) {
            agent = agent.substring(0, MAX_AGENT);
        }
        String client = address == null || address.length() > 64 ? null : address;
        return new ClientDevice(client, agent);
    }
}
