package org.latchkey.registration;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.latchkey.text.Text;
import org.latchkey.web.LinkBacking;

/**
 * verify-email.xhtml: a GET of the mail's link shows a button and changes nothing (mail scanners fetch links); the
 * button's POST confirms the address and goes on to sign in.
 */
@Named
@RequestScoped
public class VerifyEmailBacking extends LinkBacking {

    @Inject
    VerificationService verifications;

    @Override
    protected boolean works(String token) {
        return verifications.works(token);
    }

    @Override
    protected Text deadLink() {
        return Text.of("verify.deadLink");
    }

    public void confirm() throws IOException {
        if (verifications.confirm(getToken(), client())) {
            done(Text.of("verify.done"), "/login");
        } else {
            dead();
        }
    }
}
