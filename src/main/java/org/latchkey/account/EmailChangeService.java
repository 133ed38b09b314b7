package org.latchkey.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.latchkey.audit.Audit;
import org.latchkey.caller.Caller;
import org.latchkey.caller.Callers;
import org.latchkey.caller.NotAllowedException;
import org.latchkey.link.EmailLinks;
import org.latchkey.link.LinkUse;
import org.latchkey.mail.Letter;
import org.latchkey.mail.MailSettings;
import org.latchkey.mail.Mailer;
import org.latchkey.password.StoredHashes;
import org.latchkey.reset.PasswordResetService;
import org.latchkey.session.SessionService;
import org.latchkey.text.Text;
import org.latchkey.user.EmailTakenException;
import org.latchkey.user.Emails;
import org.latchkey.user.User;
import org.latchkey.user.UserService;

/**
 * A new address for the signed-in person: asked for with the current password and the auth host's session; it takes
 * effect only when the link mailed to the new address is followed. Then the old address gets a notice with a link
 * that takes the change back — and ends every sign-in, in case it was not the owner who made it.
 */
@ApplicationScoped
public class EmailChangeService {

    public static final String NEW_EMAIL = "new_email";
    public static final String PASSWORD = "email_password";
    public static final String CONFIRM_PATH = "/email-change";
    public static final String UNDO_PATH = "/email-change/undo";
    /** How long the old address can take a change back. */
    static final Duration UNDO_LIFETIME = Duration.ofDays(7);
    static final Duration CONFIRM_LIFETIME = Duration.ofHours(24);

    @Inject
    Callers callers;

    @Inject
    UserService users;

    @Inject
    CurrentPassword currentPassword;

    @Inject
    EmailLinks links;

    @Inject
    Mailer mailer;

    @Inject
    MailSettings mail;

    @Inject
    SessionService sessions;

    @Inject
    Audit audit;

    @Inject
    PasswordResetService resets;

    /**
     * Checks the password and the address; on success queues the link to the new address (when no other account
     * has it — the answer is the same either way).
     *
     * @return problems by field; empty when accepted
     */
    public Map<String, List<Text>> request(String newEmail, String password, String refreshToken, Locale locale,
                                           String client) throws NotAllowedException {
        Caller caller = callers.withHostSession("email-change", refreshToken);
        User user = caller.user();
        String address = newEmail == null ? "" : newEmail.strip();
        if (address.isEmpty()) {
            return Map.of(NEW_EMAIL, List.of(Text.of("register.emailRequired")));
        }
        if (!Emails.isValid(address)) {
            return Map.of(NEW_EMAIL, List.of(Text.of("register.emailInvalid")));
        }
        if (Emails.key(address).equals(Emails.key(user.getEmail()))) {
            return Map.of(NEW_EMAIL, List.of(Text.of("email.same")));
        }
        Optional<Text> wrong = currentPassword.problem(user, password);
        if (wrong.isPresent()) {
            return Map.of(PASSWORD, List.of(wrong.get()));
        }
        mailer.later("email-change", () -> {
            if (users.emailTaken(address)) {
                audit.event("email-change-requested", user.getUuid(), client, "address-taken");
                return;
            }
            if (!mailer.allowed(address, "email-change", user.getUuid())) {
                return;
            }
            String token = links.create(user.getId(), EmailLinks.CHANGE, address, CONFIRM_LIFETIME);
            audit.event("email-change-requested", user.getUuid(), client, "link-sent");
            mailer.deliver(Letter.compose("emailChange", address, locale, user.getUuid(), mail.link(CONFIRM_PATH, token),
                    address, user.getEmail())); // greeted by the address: it is not proven to be the person's yet
        });
        return Map.of();
    }

    public boolean works(String token, boolean undo) {
        return links.peek(token, undo ? EmailLinks.UNDO : EmailLinks.CHANGE).isPresent();
    }

    /** The link from the new address: the change takes effect; the old address hears of it, with a way back. */
    public Optional<String> confirm(String token, Locale locale, String client) {
        Optional<LinkUse> use = links.use(token, EmailLinks.CHANGE);
        Optional<User> user = use.flatMap(u -> users.findById(u.userId())).filter(User::isActive);
        if (user.isEmpty()) {
            audit.event("email-changed", null, client, "link-not-valid");
            return Optional.empty();
        }
        String old = user.get().getEmail();
        String address = use.get().address();
        try {
            users.changeEmail(user.get().getId(), address);
        } catch (EmailTakenException e) {
            audit.event("email-changed", user.get().getUuid(), client, "address-taken");
            return Optional.empty();
        }
        links.retire(user.get().getId(), EmailLinks.RESET); // they went to the old address
        String undo = links.create(user.get().getId(), EmailLinks.UNDO, old, UNDO_LIFETIME);
        audit.event("email-changed", user.get().getUuid(), client, "success");
        mailer.later("email-changed", () -> mailer.deliver(Letter.compose("emailChanged", old, locale,
                user.get().getUuid(), mail.link(UNDO_PATH, undo), user.get().greeting(), address)));
        return Optional.of(address);
    }

    /**
     * The link from the old address: the address goes back, every sign-in ends, no other link of the person works,
     * and the password no longer does either — whoever made the change may have set one through the address they
     * held — so a reset link goes to the restored address, and its owner sets the password anew.
     */
    public Optional<String> undo(String token, Locale locale, String client) {
        Optional<LinkUse> use = links.use(token, EmailLinks.UNDO);
        Optional<User> user = use.flatMap(u -> users.findById(u.userId()));
        if (user.isEmpty()) {
            audit.event("email-change-undone", null, client, "link-not-valid");
            return Optional.empty();
        }
        try {
            users.changeEmail(user.get().getId(), use.get().address());
        } catch (EmailTakenException e) {
            audit.event("email-change-undone", user.get().getUuid(), client, "address-taken");
            return Optional.empty();
        }
        long id = user.get().getId();
        links.retireAll(id);
        sessions.endAllSessions(id);
        users.replacePasswordHash(id, StoredHashes.unusable());
        audit.event("email-change-undone", user.get().getUuid(), client, "success");
        users.findById(id).ifPresent(restored -> resets.sendTo(restored, locale));
        return Optional.of(use.get().address());
    }

}
