package org.latchkey.api;

import jakarta.json.JsonObject;

/** {@code POST /api/token}: simplejwt's obtain-pair body, with Latchkey's username field, the email. */
record TokenRequest(String email, String password) {

    static TokenRequest from(JsonObject body) {
        return new TokenRequest(JsonBodies.required(body, "email"), JsonBodies.required(body, "password"));
    }
}
