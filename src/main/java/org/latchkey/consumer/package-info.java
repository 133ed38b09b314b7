/**
 * What another service needs to trust a Latchkey cookie: verifying a signed access token — with the shared HMAC
 * key, or with the public keys Latchkey publishes as a JWKS (fetched, cached, refreshed for a new {@code kid} at a
 * bounded rate) — and turning its claims into a signed-in person. This package imports only {@code java.*},
 * {@code jakarta.*} and {@code org.jose4j.*}, because it is shipped to other services on its own; a test in the
 * build holds that line.
 */
package org.latchkey.consumer;
