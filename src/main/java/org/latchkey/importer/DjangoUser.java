package org.latchkey.importer;

import java.time.OffsetDateTime;

/** A row of Django's {@code auth_user}, as read; {@code lastLogin} is null for someone who never signed in. */
record DjangoUser(long id, String username, String email, String firstName, String lastName, String password,
                  boolean active, boolean staff, boolean superuser, OffsetDateTime dateJoined,
                  OffsetDateTime lastLogin) {

    /** {@code #12 ann@example.com}, for the report. */
    String label() {
        return "#" + id + " " + (email == null || email.isBlank() ? "(no address)" : email.strip());
    }
}
