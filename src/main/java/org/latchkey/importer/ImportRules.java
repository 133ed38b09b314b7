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
 * <li>addresses that are one address regardless of case (Django's registration compared them exactly): the one who
 *     signed in most recently is imported (then the later joined, then the higher id); the others are skipped and
 *     reported with whom they lost to;</li>
 * <li>a username that is not a UUID (a {@code createsuperuser} name, say): imported with a name-based UUID made
 *     from the Django id, the same at every run, reported;</li>
 * <li>passwords kept as they are; an unusable one ({@code !…}) or a scheme Latchkey does not check (argon2, md5):
 *     imported, reported — those people sign in through a reset link.</li>
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
        Comparator<DjangoUser> keptFirst = Comparator
                .comparing(DjangoUser::lastLogin, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(DjangoUser::dateJoined, Comparator.reverseOrder())
                .thenComparing(DjangoUser::id, Comparator.reverseOrder());
        List<Person> people = new ArrayList<>();
        for (List<DjangoUser> sharing : byAddress.values()) {
            sharing.sort(keptFirst);
            DjangoUser kept = sharing.get(0);
            for (DjangoUser other : sharing.subList(1, sharing.size())) {
                skipped.add(new Line(other.id(), other.label(), "the same address as " + kept.label() + ", who "
                        + (kept.lastLogin() != null ? "signed in more recently" : "joined later")
                        + " and is imported instead"));
            }
            people.add(person(kept, addressesVerified, noted));
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
        switch (StoredHashes.kind(user.password())) {
            case UNUSABLE -> noted.add(new Line(user.id(), user.label(), "no usable password: signs in through a reset link"));
            case UNKNOWN -> {
                String scheme = StoredHashes.scheme(user.password());
                noted.add(new Line(user.id(), user.label(), (StoredHashes.CHECKED_SCHEMES.contains(scheme)
                        ? "a malformed " + scheme + " hash" : "password scheme '" + scheme + "' is not one Latchkey checks")
                        + ": signs in through a reset link"));
            }
            case CHECKED -> {
                // signs in with the old password, which is then re-hashed
            }
        }
        String email = user.email().strip();
        return new Person(user.id(), uuid, email, Emails.key(email), text(user.firstName()), text(user.lastName()),
                user.password() == null ? "" : user.password(), user.active(), user.staff(), user.superuser(),
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
