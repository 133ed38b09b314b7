package org.latchkey.user;

import java.util.List;
import java.util.Locale;

/**
 * What the admin page asks for: text in an address or a name, one kind of account, one page.
 *
 * @param text  matched, case-insensitively, anywhere in the email address, first or last name; empty for everyone
 * @param kind  {@code all}, {@code active}, {@code deactivated}, {@code staff}, {@code superuser} or {@code unverified}
 * @param page  from 1
 */
public record UserSearch(String text, String kind, int page) {

    public static final int PAGE_SIZE = 50;
    public static final List<String> KINDS = List.of("all", "active", "deactivated", "staff", "superuser", "unverified");

    /** Whatever came in, made safe: at most 100 characters of text, a known kind, a page from 1. */
    public static UserSearch of(String text, String kind, Integer page) {
        String clean = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        clean = clean.length() > 100 ? clean.substring(0, 100) : clean;
        String known = kind != null && KINDS.contains(kind) ? kind : "all";
        return new UserSearch(clean, known, page == null || page < 1 ? 1 : Math.min(page, 1_000_000));
    }

    /** One page of people, by email, and how many match in all. */
    public record Page(List<User> people, long total, UserSearch search) {

        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }

        public long first() {
            return total == 0 ? 0 : (long) (search.page() - 1) * PAGE_SIZE + 1;
        }

        public long last() {
            return Math.min(total, (long) search.page() * PAGE_SIZE);
        }
    }
}
