package org.latchkey.account;

import java.util.List;
import java.util.Map;
import org.latchkey.text.Text;
import org.latchkey.token.IssuedToken;

/**
 * The outcome of a change of password or name: problems by form field, or — when it was changed — a new access token
 * for the device that made the change (after a password change the old ones are refused on the auth host; after a
 * name change they carry the old name).
 */
public record AccountChange(Map<String, List<Text>> problems, IssuedToken access) {

    public boolean changed() {
        return problems.isEmpty();
    }
}
