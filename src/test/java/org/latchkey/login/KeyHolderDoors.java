package org.latchkey.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.Browser.Page;
import org.latchkey.token.TokenKeys;

/**
 * What a holder of the shared HMAC key — every service on the domain — can do at Latchkey: no more than anyone.
 * Device tokens (the throttle's own budget for a browser that signed in before) are signed with a secret only
 * Latchkey holds, so one minted with the shared key, in the shape Latchkey used to sign them, is an unknown browser:
 * a fresh one per guess buys no guesses. The owner's real device cookie still gets in while the account waits. Run on
 * every server by the classes that run {@link PeopleDoors}.
 */
interface KeyHolderDoors extends Doors {

    String DEVICE = "__Host-latchkey.device";

    /** A device token as Latchkey signed them before V12: the shared key, its kid, the claims it checks. */
    private static String mintedDevice(long userId, String email) throws Exception {
        String kid = TokenKeys.load("HS512", Optional.of(KEY), Optional.empty(), Optional.empty(), List.of(),
                java.nio.file.Path.of("target")).keyId();
        JwtClaims claims = new JwtClaims();
        claims.setClaim("token_type", "device");
        claims.setIssuedAt(NumericDate.fromSeconds(Instant.now().getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(Instant.now().plusSeconds(86_400).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString().replace("-", ""));
        claims.setClaim("user_id", userId);
        claims.setClaim("login", KnownDevices.login(email));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA512);
        jws.setHeader("typ", "JWT");
        jws.setKeyIdHeaderValue(kid);
        jws.setPayload(claims.toJson());
        jws.setKey(new HmacKey(KEY.getBytes(StandardCharsets.UTF_8)));
        return jws.getCompactSerialization();
    }

    private Page signIn(Browser browser, String email, String password) throws Exception {
        return browser.postJson("api/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    @Test
    default void aDeviceTokenMintedWithTheSharedKeyBuysNoGuesses() throws Exception {
        String email = Accounts.newEmail();
        Browser owner = newPerson(email); // signed in through the form: a real device cookie
        String realDevice = owner.cookie(DEVICE).orElseThrow();
        long id = Long.parseLong(owner.get("api/me").body().replaceAll(".*\"user_id\":\"?(\\d+)\"?.*", "$1"));

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // a fresh minted device token for every guess
            Browser attacker = browser();
            attacker.setCookie(DEVICE, mintedDevice(id, email));
            statuses.add(signIn(attacker, email, "guess-" + i + "-of-many").status());
        }
        long checked = statuses.stream().filter(s -> s == 401).count();
        assertTrue(checked <= 5, "no more guesses checked than the account's budget (5): " + statuses);
        assertEquals(429, statuses.get(statuses.size() - 1), "the account waits: " + statuses);

        Browser sameDevice = browser();
        sameDevice.setCookie(DEVICE, realDevice);
        Page in = signIn(sameDevice, email, Accounts.PASSWORD);
        assertEquals(200, in.status(), "the owner's own browser gets in while the account waits: " + in.body());
    }
}
