/**
 * Minting access and refresh tokens exactly as djangorestframework-simplejwt 5 shapes them, so Django services
 * accept them; the signing keys — the shared HMAC key (from {@code JWT_SIGNING_KEY}, or generated once and kept
 * with the data), or an RS256 / ES256 / EdDSA key pair from PEM with earlier public keys kept for rotation — and
 * the token settings. Verification is the consumer package's verifier, so there is only one.
 */
package org.latchkey.token;
