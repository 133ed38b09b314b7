package org.latchkey.api;

import jakarta.json.JsonObject;
import org.latchkey.session.SignIn;

/** {@code {"access": ..., "refresh": ...}}, as simplejwt's obtain-pair and (rotating) refresh views answer. */
record TokenPairResponse(String access, String refresh) {

    static TokenPairResponse of(SignIn signIn) {
        return new TokenPairResponse(signIn.access().value(), signIn.refresh().value());
    }

    JsonObject json() {
        return JsonBodies.JSON.createObjectBuilder().add("access", access).add("refresh", refresh).build();
    }
}
