package org.latchkey.user;

import java.lang.reflect.Field;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** People for service tests, and a user store in memory that holds them (no database). */
public final class TestUsers extends UserService {

    private final Map<String, User> byUuid = new HashMap<>();
    private long next = 1;

    public User add(boolean active, boolean superuser) {
        return add(active, superuser, true);
    }

    public User add(boolean active, boolean superuser, boolean emailVerified) {
        User user = new User(UUID.randomUUID().toString(), "p" + next + "@example.test", "Ada", "Lovelace",
                "bcrypt_sha256$unused", OffsetDateTime.now(ZoneOffset.UTC), emailVerified);
        try {
            Field id = User.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(user, next++);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        user.setActive(active);
        if (superuser) {
            user.makeSuperuser();
        }
        byUuid.put(user.getUuid(), user);
        return user;
    }

    @Override
    public Optional<User> findByUuid(String uuid) {
        return Optional.ofNullable(byUuid.get(uuid));
    }

    @Override
    public Optional<User> findById(long id) {
        return byUuid.values().stream().filter(u -> u.getId() == id).findFirst();
    }

    @Override
    public UserSearch.Page search(UserSearch search) {
        List<User> everyone = List.copyOf(byUuid.values());
        return new UserSearch.Page(everyone, everyone.size(), search);
    }

    @Override
    public boolean setActive(long id, boolean active) {
        findById(id).ifPresent(u -> u.setActive(active));
        return findById(id).isPresent();
    }

    @Override
    public void replacePasswordHash(long id, String passwordHash) {
        findById(id).ifPresent(u -> u.setPasswordHash(passwordHash));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return byUuid.values().stream().filter(u -> u.getEmail().equalsIgnoreCase(email.strip())).findFirst();
    }

    @Override
    public void markEmailVerified(long id) {
        findById(id).ifPresent(User::markEmailVerified);
    }
}
