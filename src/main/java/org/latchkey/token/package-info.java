/**
 * Minting access and refresh tokens exactly as djangorestframework-simplejwt 5 shapes them, so Django services
 * with the same key accept them; the signing key (from {@code JWT_SIGNING_KEY}, or generated once and kept with
 * the data) and the token settings. Verification is the consumer package's verifier, so there is only one.
 */
package org.latchkey.token;
