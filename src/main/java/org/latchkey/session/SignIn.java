package org.latchkey.session;

import org.latchkey.token.IssuedToken;

/** The two tokens of a started or refreshed session, and whom they are for. */
public record SignIn(IssuedToken access, IssuedToken refresh, String userUuid) {
}
