package org.latchkey.registration;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.latchkey.link.LinkUse;
import org.latchkey.text.Text;
import org.latchkey.web.LinkBacking;

/**
 * verify-email.xhtml: a GET of the mail's link shows when and from which browser the registration was made, a
 * password field and a button, and changes nothing (mail scanners fetch links); the button's POST with the
 * registration's password confirms the address and goes on to sign in.
 */
@Named
@RequestScoped
public class VerifyEmailBacking extends LinkBacking {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd 'at' HH:mm 'UTC'", Locale.ROOT);

    @Inject
    VerificationService verifications;

    private String password;
    private LinkUse pending;

    @Override
    protected boolean works(String token) {
        pending = verifications.pending(token).orElse(null);
        return pending != null;
    }

    @Override
    protected Text deadLink() {
        return Text.of("verify.deadLink");
    }

    /** "This registration was made on … from …", for the one who owns the mailbox to recognise (or not). */
    public String getMadeAt() {
        if (pending == null && !works(getToken())) {
            return "";
        }
        String from = pending.requestedFrom() == null ? "?" : pending.requestedFrom();
        return texts.get(Text.of("verify.madeAt", WHEN.format(pending.createdAt().atOffset(ZoneOffset.UTC)), from));
    }

    public void confirm() throws IOException {
        VerificationService.Confirmation outcome = verifications.confirm(getToken(), password, client());
        if (outcome instanceof VerificationService.Confirmation.Confirmed) {
            done(Text.of("verify.done"), "/login");
        } else if (outcome instanceof VerificationService.Confirmation.Refused refused) {
            faces.addMessage("password", texts.error(refused.problem()));
        } else {
            dead();
        }
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
