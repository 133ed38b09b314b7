package org.latchkey.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.latchkey.caller.NotAllowedException;
import org.latchkey.user.User;
import org.latchkey.user.UserSearch;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;

/**
 * admin/users.xhtml (superusers only, see web.xml; {@link AdminService} checks again): the people found, a page at a
 * time, each with its buttons ({@link AdminActions}) and a link to their own page.
 */
@Named
@RequestScoped
public class UsersBacking {

    @Inject
    AdminService admin;

    @Inject
    AdminActions actions;

    @Inject
    FacesContext faces;

    @Inject
    Texts texts;

    private static final String SHOWN = "latchkey.usersShown";

    private List<User> users;
    private UserSearch.Page found;
    private String q;
    private String kind;
    private String page;

    /** On GET, before anything renders. */
    public void load() {
        getUsers();
    }

    /** This page of the people the search names, once per request; nobody (and a message) for a refused caller. */
    @SuppressWarnings("unchecked")
    public List<User> getUsers() {
        if (users == null) {
            try {
                found = admin.users(refreshToken(), getSearch());
                users = found.people();
            } catch (NotAllowedException e) {
                users = List.of();
                faces.addMessage(null, texts.error(Text.of("users.notAllowed")));
            }
            // a button names its row by position: a postback finds the rows the page showed (kept in the view), so
            // someone registering meanwhile cannot shift "Deactivate" onto another person; each action is still
            // checked against the database by its UUID, and the page shows the rows as they are after it
            Map<String, Object> view = faces.getViewRoot().getViewMap();
            if (faces.isPostback() && view.get(SHOWN) instanceof List<?> shown && found != null) {
                users = (List<User>) shown;
            } else if (found != null) {
                view.put(SHOWN, new java.util.ArrayList<>(users));
            }
        }
        return users;
    }

    public UserSearch getSearch() {
        Integer number = page != null && page.matches("[0-9]{1,7}") ? Integer.valueOf(page) : null; // else the first
        return UserSearch.of(q, kind, number);
    }

    /** The page shown, or none for a refused caller. */
    public UserSearch.Page getFound() {
        getUsers();
        return found;
    }

    public List<String> getKinds() {
        return UserSearch.KINDS;
    }

    /** This search's address for another page: {@code ?q=…&kind=…&page=n}, its text escaped. */
    public String pageLink(int number) {
        UserSearch search = getSearch();
        return "?q=" + java.net.URLEncoder.encode(search.text(), java.nio.charset.StandardCharsets.UTF_8) + "&kind="
                + search.kind() + "&page=" + number;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public void deactivate(String uuid) {
        if (actions.deactivate(uuid)) {
            showAsTheyAreNow();
        }
    }

    public void reactivate(String uuid) {
        if (actions.reactivate(uuid)) {
            showAsTheyAreNow();
        }
    }

    public void sendResetLink(String uuid) {
        actions.sendResetLink(uuid, emailOf(uuid));
    }

    /** Sets both flags as the button says (each button flips one and keeps the other). */
    public void setRoles(String uuid, boolean staff, boolean superuser) {
        if (actions.setRoles(uuid, emailOf(uuid), staff, superuser)) {
            showAsTheyAreNow();
        }
    }

    /** After a change: the page shows the rows read again, not the ones it was posted from. */
    private void showAsTheyAreNow() {
        users = null;
        faces.getViewRoot().getViewMap().remove(SHOWN);
    }

    private String emailOf(String uuid) {
        return getUsers().stream().filter(u -> u.getUuid().equals(uuid)).map(User::getEmail).findFirst().orElse("");
    }

    private String refreshToken() {
        return actions.refreshToken();
    }
}
