package org.latchkey.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.latchkey.consumer.ConfigValues;

@ApplicationScoped
public class SessionConfiguration {

    @Inject
    Config config;

    @Produces
    @Singleton
    SessionSettings settings() {
        return read(ConfigValues.of(config));
    }

    public static SessionSettings read(ConfigValues values) {
        return new SessionSettings(values.duration("latchkey.session.absolute-lifetime", "P30D"),
                values.duration("latchkey.session.refresh-grace", "PT10S"),
                values.text("latchkey.session.django-cutover").map(text -> {
                    try {
                        return java.time.Instant.parse(text);
                    } catch (java.time.format.DateTimeParseException e) {
                        throw ConfigValues.refused("latchkey.session.django-cutover", text,
                                "an ISO-8601 instant in UTC such as 2027-01-15T06:00:00Z");
                    }
                }), values.text("latchkey.session.django-refresh-cookie", SessionSettings.ARTICLE_REFRESH_COOKIE),
                values.duration("latchkey.session.django-refresh-lifetime", SessionSettings.ARTICLE_REFRESH_LIFETIME.toString()));
    }
}
