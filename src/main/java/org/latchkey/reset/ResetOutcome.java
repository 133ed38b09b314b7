package org.latchkey.reset;

import java.util.List;
import java.util.Map;
import org.latchkey.session.SignIn;
import org.latchkey.text.Text;

/**
 * What came of setting a new password through a link: the link did not work (unknown, used, retired, expired, or
 * its person deactivated), or problems by field (the link still works), or done — signed in with a new session.
 */
public record ResetOutcome(boolean linkWorks, Map<String, List<Text>> problems, SignIn signIn) {

    static ResetOutcome deadLink() {
        return new ResetOutcome(false, Map.of(), null);
    }

    public boolean done() {
        return signIn != null;
    }
}
