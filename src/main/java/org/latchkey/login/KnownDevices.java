package org.latchkey.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.latchkey.consumer.Tokens;
import org.latchkey.cookie.CookieSettings;
import org.latchkey.cookie.TokenCookies;
import org.latchkey.mail.Letter;
import org.latchkey.mail.MailSettings;
import org.latchkey.mail.Mailer;
import org.latchkey.token.DeviceTokens;
import org.latchkey.user.User;
import org.latchkey.user.UserService;

/**
 * After a password sign-in: a browser that shows a valid device token for this person (the host-only device cookie
 * from an earlier sign-in, signed with a secret only Latchkey holds: {@link DeviceTokens}) is known; any other gets one, and the person gets a notice that a new device signed in
 * (ASVS 2.5.5: when, from where, which browser — no secret, no link that signs anyone in). The token is renewed at
 * each sign-in. API clients that keep no cookies count as new each time (the hourly limit caps the notices).
 */
@ApplicationScoped
public class KnownDevices {

    static final Duration LIFETIME = Duration.ofDays(365);
    private static final int MAX_AGENT = 200;

    @Inject
    DeviceTokens deviceTokens;

    @Inject
    TokenCookies cookies;

    @Inject
    CookieSettings cookieSettings;

    @Inject
    UserService users;

    @Inject
    Mailer mailer;

    @Inject
    MailSettings mail;

    public void signedIn(HttpServletRequest request, HttpServletResponse response, String uuid, Locale locale, String client) {
        Optional<User> user = users.findByUuid(uuid);
        if (user.isEmpty()) {
            return;
        }
        long userId = user.get().getId();
        boolean known = Tokens.cookie(request, cookieSettings.deviceName()).filter(raw -> belongsTo(raw, userId)).isPresent();
        // issued no earlier than the second from which the person's tokens count again (a reset's own sign-in)
        Instant issued = Optional.ofNullable(user.get().getTokensValidAfter()).map(java.time.OffsetDateTime::toInstant)
                .filter(after -> after.isAfter(Instant.now())).orElse(Instant.now());
        cookies.writeDevice(response, deviceTokens.issue(userId, login(user.get().getEmail()), issued, LIFETIME), LIFETIME);
        if (!known) {
            String agent = Optional.ofNullable(request.getHeader("User-Agent")).orElse("?");
            String browser = agent.length() > MAX_AGENT ? agent.substring(0, MAX_AGENT) : agent;
            String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                    .format(Instant.now().atOffset(ZoneOffset.UTC));
            User person = user.get();
            mailer.later("new-device", () -> mailer.send(Letter.compose("newDevice", person.getEmail(), locale,
                    person.getUuid(), null, person.greeting(), when, client, browser.replaceAll("\\p{Cntrl}", " "),
                    mail.base() + "/password-reset")));
        }
    }

    /**
     * The id of the device token this request shows for a sign-in with {@code email}, if it shows a valid one made by a
     * sign-in with that very address: the throttle then counts this client's attempts apart from everyone else's.
     * Read from the token alone — no database, so the answer takes the same time for any address.
     */
    public Optional<String> deviceFor(HttpServletRequest request, String email) {
        if (email == null) {
            return Optional.empty();
        }
        String login = login(email);
        return Tokens.cookie(request, cookieSettings.deviceName()).flatMap(deviceTokens::verify)
                .filter(claims -> login.equals(claims.getClaimValue("login"))).filter(this::notForgotten).flatMap(claims -> {
            try {
                return Optional.ofNullable(claims.getJwtId());
            } catch (org.jose4j.jwt.MalformedClaimException e) {
                return Optional.empty();
            }
        });
    }

    /** What a device token records of the address it signed in with: a hash, as the cookie is no place for it. */
    static String login(String email) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private boolean belongsTo(String raw, long userId) {
        return deviceTokens.verify(raw).filter(claims -> claims.getClaimValue("user_id") instanceof Number n
                && n.longValue() == userId).filter(this::notForgotten).isPresent();
    }

    /**
     * A device token made before the person's tokens were last refused (sign out everywhere, a new password, a reset,
     * an address change taken back, deactivation) is forgotten: whoever held the account then keeps no budget of
     * their own and no "known device" with it. Read only for a token that is valid for this very address, so the
     * read tells nobody anything about other addresses.
     */
    private boolean notForgotten(org.jose4j.jwt.JwtClaims claims) {
        try {
            long issued = claims.getIssuedAt() == null ? 0 : claims.getIssuedAt().getValue();
            Object id = claims.getClaimValue("user_id");
            if (!(id instanceof Number n)) {
                return false;
            }
            Optional<User> user = users.findById(n.longValue());
            java.time.OffsetDateTime after = user.map(User::getTokensValidAfter).orElse(null);
            return user.isPresent() && (after == null || issued >= after.toEpochSecond());
        } catch (org.jose4j.jwt.MalformedClaimException e) {
            return false;
        }
    }
}
