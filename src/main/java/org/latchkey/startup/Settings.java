package org.latchkey.startup;

import java.nio.file.Path;
import org.latchkey.consumer.ConfigValues;
import org.latchkey.cookie.CookieConfiguration;
import org.latchkey.cookie.CookieSettings;
import org.latchkey.login.RedirectPolicy;
import org.latchkey.mail.MailConfiguration;
import org.latchkey.registration.RegistrationConfiguration;
import org.latchkey.reset.ResetConfiguration;
import org.latchkey.password.PasswordHasher;
import org.latchkey.password.PasswordPolicy;
import org.latchkey.metrics.MetricsServlet;
import org.latchkey.password.PasswordWork;
import org.latchkey.session.SessionConfiguration;
import org.latchkey.throttle.ThrottleConfiguration;
import org.latchkey.token.TokenConfiguration;
import org.latchkey.token.TokenSettings;
import org.latchkey.user.AdminBootstrap;

/**
 * Every setting of Latchkey, read and checked in one go — at deployment, by {@link Startup}, and by the settings test
 * that compares the names read here with the README's table. Each feature keeps its own reader; this is the list.
 */
public final class Settings {

    private Settings() {
    }

    /** What the start-up log line reports. */
    public record Summary(TokenSettings tokens, CookieSettings cookies, Path dataDir) {
    }

    /** @throws IllegalStateException with the one-line reason for the first bad or unsafe value */
    public static Summary readAll(ConfigValues values, PasswordPolicy policy) {
        Path dataDir = TokenConfiguration.dataDir(values);
        TokenSettings tokens = TokenConfiguration.settings(values);
        TokenConfiguration.keys(values, tokens);
        CookieSettings cookies = CookieConfiguration.read(values);
        SessionConfiguration.read(values);
        ThrottleConfiguration.read(values);
        RedirectPolicy.allowedHosts(values);
        PasswordHasher.cost(values);
        PasswordWork.limits(values);
        AdminBootstrap.read(values, policy);
        MailConfiguration.read(values);
        RegistrationConfiguration.read(values);
        ResetConfiguration.read(values);
        MetricsServlet.token(values);
        return new Summary(tokens, cookies, dataDir);
    }
}
