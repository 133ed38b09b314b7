package org.latchkey.session;

import java.time.Duration;

/**
 * Session rules, from MicroProfile Config ({@code latchkey.session.*}).
 *
 * @param absoluteLifetime how long a family lives after its password login, however often it is refreshed
 * @param refreshGrace     how long after a rotation the old token still yields the same successor (parallel tabs)
 * @param djangoCutover    when Latchkey took over from the article's Django auth service: refresh tokens that
 *                         service minted before it are each turned into a Latchkey sign-in once (none: never)
 * @param djangoRefreshCookie the name of that service's refresh cookie, read at the silent refresh when Latchkey's
 *                         own is absent and the cut-over is set
 * @param djangoRefreshLifetime that service's {@code REFRESH_TOKEN_LIFETIME}: a carried-over token was issued no
 *                         earlier than this before the cut-over, lives no longer than this, and the carry-over
 *                         closes this long after the cut-over
 */
public record SessionSettings(Duration absoluteLifetime, Duration refreshGrace,
                              java.util.Optional<java.time.Instant> djangoCutover, String djangoRefreshCookie,
                              Duration djangoRefreshLifetime) {

    /** The article's REFRESH_TOKEN_LIFETIME. */
    public static final Duration ARTICLE_REFRESH_LIFETIME = Duration.ofDays(5);

    /** The article's name for its refresh cookie. */
    public static final String ARTICLE_REFRESH_COOKIE = "org.breakthesystem.jwt.refresh";

    public SessionSettings(Duration absoluteLifetime, Duration refreshGrace) {
        this(absoluteLifetime, refreshGrace, java.util.Optional.empty(), ARTICLE_REFRESH_COOKIE, ARTICLE_REFRESH_LIFETIME);
    }

    public SessionSettings {
        if (absoluteLifetime.isNegative() || absoluteLifetime.isZero()) {
            throw new IllegalStateException("latchkey.session.absolute-lifetime is " + absoluteLifetime
                    + "; set a positive ISO-8601 duration such as P30D.");
        }
        if (!djangoRefreshCookie.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,200}")) {
            throw new IllegalStateException("latchkey.session.django-refresh-cookie is '" + djangoRefreshCookie
                    + "'; set a cookie name (letters, digits and !#$%&'*+-.^_`|~).");
        }
        if (djangoRefreshLifetime.isNegative() || djangoRefreshLifetime.isZero()
                || djangoRefreshLifetime.compareTo(Duration.ofDays(365)) > 0) {
            throw new IllegalStateException("latchkey.session.django-refresh-lifetime is " + djangoRefreshLifetime
                    + "; set the Django service's REFRESH_TOKEN_LIFETIME (the article's P5D), from a second to P365D.");
        }
        if (refreshGrace.isNegative() || refreshGrace.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalStateException("latchkey.session.refresh-grace is " + refreshGrace
                    + "; set it between PT0S and PT1M (default PT10S).");
        }
    }
}
