package org.latchkey.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Optional;
import org.latchkey.text.Text;
import org.latchkey.web.LinkBacking;

/**
 * email-change/undo.xhtml, where the notice to the old address leads: a button (a GET changes nothing); its POST
 * gives the account its old address back and ends every sign-in (whoever made the change is out).
 */
@Named
@RequestScoped
public class UndoBacking extends LinkBacking {

    @Inject
    EmailChangeService changes;

    @Override
    protected boolean works(String token) {
        return changes.works(token, true);
    }

    @Override
    protected Text deadLink() {
        return Text.of("undo.deadLink");
    }

    public void confirm() throws IOException {
        Optional<String> address = changes.undo(getToken(), faces.getViewRoot().getLocale(), client());
        if (address.isPresent()) {
            done(Text.of("undo.done", address.get()), "/login");
        } else {
            dead();
        }
    }
}
