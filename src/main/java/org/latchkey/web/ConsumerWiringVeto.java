package org.latchkey.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.util.Set;
import org.latchkey.consumer.ConsumerConfiguration;
import org.latchkey.consumer.TokenAuthenticationMechanism;

/**
 * The consumer package travels inside Latchkey's own WAR too, where its downstream wiring would compete with the
 * auth service's: a second authentication mechanism and a second verifier. Here they are left out; Latchkey uses
 * the consumer's verifier built from its own signing key (see the token package).
 */
public class ConsumerWiringVeto implements Extension {

    private static final Set<Class<?>> DOWNSTREAM_ONLY = Set.of(ConsumerConfiguration.class,
            TokenAuthenticationMechanism.class);

    <T> void veto(@Observes @WithAnnotations(ApplicationScoped.class) ProcessAnnotatedType<T> type) {
        if (DOWNSTREAM_ONLY.contains(type.getAnnotatedType().getJavaClass())) {
            type.veto();
        }
    }
}
