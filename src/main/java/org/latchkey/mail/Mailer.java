package org.latchkey.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.latchkey.audit.Audit;
import org.latchkey.audit.AuditTag;

/**
 * Sends letters off the request thread. Work that decides whether to send (is there an account, is it active, is
 * the hour's limit used up) runs here too, through {@link #later}, so an answer takes as long whether or not a mail
 * goes out — the form cannot tell anyone whether an address has an account. A failed delivery is tried
 * {@link #ATTEMPTS} times in all, 2 s then 8 s apart, and audited; the person never sees it.
 */
@ApplicationScoped
public class Mailer {

    static final int ATTEMPTS = 3;
    /**
     * Queued work beyond this, on either queue, is dropped (audited {@code dropped-queue-full} and counted in
     * {@code latchkey_mail_dropped_total}): a flood of requests cannot fill the memory.
     */
    static final int MAX_PENDING = 500;
    /**
     * The work anyone can cause without an account's password — a reset request, a registration — waits on a queue
     * of its own: a flood of those never pushes out the notices and links a person's own actions send (a password
     * changed, a new device, an address change and its undo, a verification link after the right password).
     */
    static final java.util.Set<String> ANONYMOUS = java.util.Set.of("reset", "register");
    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Delivery delivery;

    @Inject
    MailQuota quota;

    @Inject
    MailSettings settings;

    @Inject
    Audit audit;

    private final AtomicInteger anonymousPending = new AtomicInteger();
    private final AtomicInteger accountPending = new AtomicInteger();

    /** Runs {@code work} on the server's managed executor; returns at once. */
    public void later(String what, Runnable work) {
        AtomicInteger pending = ANONYMOUS.contains(what) ? anonymousPending : accountPending;
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            audit.event("mail-" + what, null, null, "dropped-queue-full");
            return;
        }
        try {
            executor.execute(AuditTag.carry(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "mail work '" + what + "' failed", e);
                    audit.event("mail-" + what, null, null, "failed: " + e.getClass().getSimpleName());
                } finally {
                    pending.decrementAndGet();
                }
            }));
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            audit.event("mail-" + what, null, null, "dropped-executor-refused");
        }
    }

    /** Work queued or running now: anyone's ({@code reset}, {@code register}) and that of people's own actions. */
    public int[] pending() {
        return new int[] {anonymousPending.get(), accountPending.get()};
    }

    /**
     * Counts a mail of this kind to this address, or says no when the hour's share is used up (audited). Ask before
     * making the link a mail carries: a new link retires the older one, and a flood must not kill the link a person
     * already has without sending them another.
     */
    public boolean allowed(String to, String kind, String userUuid) {
        boolean taken;
        synchronized (this) { // count and record as one step on this instance (the commit happens inside)
            taken = quota.take(to, kind);
        }
        if (!taken) {
            audit.event("mail-" + kind, userUuid, null, "limited");
            return false;
        }
        return true;
    }

    /** Delivers now (call it from {@link #later}), retrying; counted by {@link #allowed} before. */
    public void deliver(Letter letter) {
        attempt(letter, 1);
    }

    /** {@link #allowed} then {@link #deliver}: for letters that carry no link of their own. */
    public boolean send(Letter letter) {
        if (!allowed(letter.to(), letter.kind(), letter.userUuid())) {
            return false;
        }
        deliver(letter);
        return true;
    }

    private void attempt(Letter letter, int attempt) {
        try {
            delivery.deliver(letter);
            audit.event("mail-" + letter.kind(), letter.userUuid(), null, attempt == 1 ? "sent" : "sent-attempt-" + attempt);
        } catch (Exception e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (e instanceof jakarta.mail.internet.AddressException) { // the same next time: no point trying again
                audit.event("mail-" + letter.kind(), letter.userUuid(), null, "failed, not retried: " + reason);
                return;
            }
            if (attempt >= ATTEMPTS) {
                audit.event("mail-" + letter.kind(), letter.userUuid(), null, "failed after " + attempt + " attempts: " + reason);
                return;
            }
            audit.event("mail-" + letter.kind(), letter.userUuid(), null, "retrying after attempt " + attempt + ": " + reason);
            long delay = settings.retryDelay().toMillis() * (1L << (2 * (attempt - 1))); // 2 s, 8 s
            try {
                executor.schedule(AuditTag.carry(() -> attempt(letter, attempt + 1)), delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException refused) {
                audit.event("mail-" + letter.kind(), letter.userUuid(), null, "failed: executor refused the retry");
            }
        }
    }
}
