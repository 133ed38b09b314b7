package org.latchkey.session;

import java.time.Instant;

/**
 * One live sign-in (refresh family) as its person sees it: where it was last used, with which browser on which
 * system (from the User-Agent), since when — and whether it is the one asking.
 *
 * @param id the family's id: names the sign-in to end, refreshes nothing
 */
public record SignInEntry(String id, String browser, String system, String address, Instant started, Instant lastUsed,
                          boolean current) implements java.io.Serializable {
}
