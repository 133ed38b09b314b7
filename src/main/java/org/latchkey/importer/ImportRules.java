package org.latchkey.importer;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.latchkey.password.StoredHashes;
import org.latchkey.user.Emails;

/**
 * What becomes of each Django user, before anything is written (README, "Switching over from the Django auth
 * service" → the import's rules):
 * <ul>
 * <li>no address, or one Latchkey would not accept: skipped, reported;</li>
 * <li>addresses that are one address regardless of case (Django's registration compared them exactly): none of them
 *     is imported — which one owns the address is not for the import to guess, and whoever registered the second
 *     spelling could arrange to have signed in last; each is reported with the others;</li>
 * <li>a username that is not a UUID (a {@code createsuperuser} name, say): imported with a name-based UUID made
 *     from the Django id, the same at every run, reported;</li>
 * <li>passwords kept as they are when Latchkey checks their scheme at a strength Django ever shipped as its default;
 *     an unusable one ({@code !…}) is kept; an unknown, unsalted or weak scheme ({@code sha1}, {@code md5}, …), a
 *     malformed hash and PBKDF2 below {@value #LOWEST_PBKDF2} iterations (Django 1.4's, its lowest default) are
 *     stored as one unusable marker, never as they were — imported, reported: those people sign in through a reset
 *     link;</li>
 * <li>addresses count as unverified (the article's registration never verified them), unless the operator says
 *     they were ({@code --verified-addresses}).</li>
 * </ul>
 */
final class ImportRules {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** A person as Latchkey will store them. */
    record Person(long id, String uuid, String email, String emailKey, String firstName, String lastName,
                  String password, boolean active, boolean staff, boolean superuser, OffsetDateTime dateJoined,
                  OffsetDateTime lastLogin, boolean emailVerified) {

        String label() {
            return "#" + id + " " + email;
        }
    }

    /** A line of the report: who (by Django id), and why. */
    record Line(long id, String who, String why) {
    }

    /** The people to write, and what was skipped or noted on the way. */
    record Plan(List<Person> people, List<Line> skipped, List<Line> noted) {
    }

    /** The fewest PBKDF2 iterations a Django release ever used by default (1.4: 10,000). */
    static final int LOWEST_PBKDF2 = 10_000;
    /** What a password Latchkey will not keep is stored as: unusable in Django's spelling, the same at every run. */
    static final String UNUSABLE = "!latchkey-import-not-kept";

    private ImportRules() {
    }

    static Plan plan(List<DjangoUser> users, boolean addressesVerified) {
        List<Line> skipped = new ArrayList<>();
        List<Line> noted = new ArrayList<>();
        Map<String, List<DjangoUser>> byAddress = new LinkedHashMap<>();
        for (DjangoUser user : users) {
            String email = user.email() == null ? "" : user.email().strip();
            if (email.isEmpty()) {
                skipped.add(new Line(user.id(), user.label(), "no email address (Latchkey signs people in by address)"));
            } else if (!Emails.isValid(email)) {
                skipped.add(new Line(user.id(), user.label(), "not an address Latchkey accepts"));
            } else {
                byAddress.computeIfAbsent(Emails.key(email), k -> new ArrayList<>()).add(user);
            }
        }
        List<Person> people = new ArrayList<>();
        for (List<DjangoUser> sharing : byAddress.values()) {
            if (sharing.size() == 1) {
                people.add(person(sharing.get(0), addressesVerified, noted));
                continue;
            }
            sharing.sort(Comparator.comparingLong(DjangoUser::id));
            for (DjangoUser one : sharing) {
                String others = sharing.stream().filter(u -> u != one).map(DjangoUser::label)
                        .collect(java.util.stream.Collectors.joining(", "));
                skipped.add(new Line(one.id(), one.label(), "one address with " + others + " regardless of case"
                        + " (Django compared them exactly): none of them is imported — which one owns it is not for"
                        + " the import to guess; they register anew, or an operator imports one by hand"));
            }
        }
        people.sort(Comparator.comparingLong(Person::id));
        skipped.sort(Comparator.comparingLong(Line::id));
        return new Plan(people, skipped, noted);
    }

    private static Person person(DjangoUser user, boolean addressesVerified, List<Line> noted) {
        String username = user.username() == null ? "" : user.username();
        String uuid;
        if (UUID_TEXT.matcher(username).matches()) {
            uuid = username.toLowerCase(Locale.ROOT);
        } else {
            uuid = uuidFor(user.id());
            noted.add(new Line(user.id(), user.label(), "username '" + username + "' is not a UUID: user_uuid is " + uuid));
        }
        String password = user.password() == null ? "" : user.password();
        String scheme = StoredHashes.scheme(password);
        switch (StoredHashes.kind(password)) {
            case UNUSABLE -> noted.add(new Line(user.id(), user.label(), "no usable password: signs in through a reset link"));
            case UNKNOWN -> {
                noted.add(new Line(user.id(), user.label(), (StoredHashes.CHECKED_SCHEMES.contains(scheme)
                        ? "a malformed " + scheme + " hash" : "password scheme '" + scheme + "' is not one Latchkey checks")
                        + ": stored as unusable, signs in through a reset link"));
                password = UNUSABLE;
            }
            case CHECKED -> {
                int iterations = StoredHashes.pbkdf2Iterations(password);
                if (scheme.startsWith("pbkdf2") && iterations < LOWEST_PBKDF2) {
                    noted.add(new Line(user.id(), user.label(), scheme + " at " + iterations + " iterations, below "
                            + LOWEST_PBKDF2 + ": stored as unusable, signs in through a reset link"));
                    password = UNUSABLE;
                } // otherwise signs in with the old password, which is then re-hashed
            }
        }
        String email = user.email().strip();
        return new Person(user.id(), uuid, email, Emails.key(email), text(user.firstName()), text(user.lastName()),
                password, user.active(), user.staff(), user.superuser(),
                user.dateJoined(), user.lastLogin(), addressesVerified);
    }

    /** The UUID of someone whose username is not one: name-based on the Django id, so every run gives the same. */
    static String uuidFor(long djangoId) {
        return UUID.nameUUIDFromBytes(("latchkey-import:auth_user:" + djangoId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String text(String name) {
        return name == null ? "" : name.strip();
    }
}
