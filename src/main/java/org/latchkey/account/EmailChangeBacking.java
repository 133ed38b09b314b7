package org.latchkey.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Optional;
import org.latchkey.text.Text;
import org.latchkey.web.LinkBacking;

/**
 * email-change.xhtml, where the link mailed to a new address leads: a button (a GET changes nothing); its POST makes
 * the change. The link is the proof, so no sign-in is needed here.
 */
@Named
@RequestScoped
public class EmailChangeBacking extends LinkBacking {

    @Inject
    EmailChangeService changes;

    @Override
    protected boolean works(String token) {
        return changes.works(token, false);
    }

    @Override
    protected Text deadLink() {
        return Text.of("emailChange.deadLink");
    }

    public void confirm() throws IOException {
        Optional<String> address = changes.confirm(getToken(), texts.getLocale(), client());
        if (address.isPresent()) {
            done(Text.of("emailChange.done", address.get()), "/login");
        } else {
            dead();
        }
    }
}
