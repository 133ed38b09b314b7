package org.latchkey.login;

import jakarta.security.enterprise.credential.Credential;

/** An access token as a request presented it (cookie or Bearer header), not yet verified. */
public record AccessTokenCredential(String token) implements Credential {
}
