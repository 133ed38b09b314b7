package org.latchkey.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latchkey.audit.Audit;

/** A flood of reset requests fills its own queue only: the notices and links of people's own actions still go out. */
class MailerTest {

    @Test
    void aResetFloodCannotPushOutTheNotices() {
        List<Runnable> queued = new ArrayList<>();
        Mailer mailer = new Mailer();
        mailer.audit = new Audit();
        mailer.executor = (ManagedScheduledExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedScheduledExecutorService.class}, (self, method, args) -> {
                    if (method.getName().equals("execute")) {
                        queued.add((Runnable) args[0]); // a mail server that never answers: nothing finishes
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        for (int i = 0; i < Mailer.MAX_PENDING + 100; i++) {
            mailer.later("reset", () -> { });
        }
        assertArrayEquals(new int[] {Mailer.MAX_PENDING, 0}, mailer.pending(), "the flood's queue is full, the rest dropped");
        for (String kind : List.of("password-notice", "new-device", "email-changed", "verify")) {
            mailer.later(kind, () -> { });
        }
        assertEquals(Mailer.MAX_PENDING + 4, queued.size(), "every notice was queued all the same");
        assertArrayEquals(new int[] {Mailer.MAX_PENDING, 4}, mailer.pending());
        mailer.later("register", () -> { });
        assertEquals(Mailer.MAX_PENDING + 4, queued.size(), "registrations share the anonymous queue");
        queued.get(0).run();
        assertArrayEquals(new int[] {Mailer.MAX_PENDING - 1, 4}, mailer.pending(), "done work gives its place back");
    }
}
