package org.latchkey.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.latchkey.audit.Audit;
import org.latchkey.caller.NotAllowedException;
import org.latchkey.consumer.Tokens;
import org.latchkey.cookie.CookieSettings;
import org.latchkey.user.User;
import org.latchkey.user.UserSearch;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;

/**
 * admin/users.xhtml (superusers only, see web.xml; {@link AdminService} checks again): the people, with a button to
 * deactivate or reactivate each.
 */
@Named
@RequestScoped
public class UsersBacking {

    @Inject
    org.latchkey.throttle.Clients clients;

    @Inject
    AdminService admin;

    @Inject
    CookieSettings cookieSettings;

    @Inject
    Audit audit;

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
        try {
            boolean done = admin.deactivate(uuid, refreshToken(), client());
            faces.addMessage(null, done ? texts.info(Text.of("users.deactivatedDone")) : texts.error(Text.of("users.cannotDeactivate")));
            showAsTheyAreNow();
        } catch (NotAllowedException e) {
            faces.addMessage(null, texts.error(Text.of("users.notAllowed")));
        }
    }

    public void reactivate(String uuid) {
        try {
            boolean done = admin.reactivate(uuid, refreshToken(), client());
            faces.addMessage(null, texts.info(Text.of("users.reactivatedDone")));
            showAsTheyAreNow();
        } catch (NotAllowedException e) {
            faces.addMessage(null, texts.error(Text.of("users.notAllowed")));
        }
    }

    public void sendResetLink(String uuid) {
        try {
            boolean done = admin.sendResetLink(uuid, refreshToken(), texts.getLocale(), client());
            faces.addMessage(null, done ? texts.info(Text.of("users.resetSent", emailOf(uuid)))
                    : texts.error(Text.of("users.cannotSendReset")));
        } catch (NotAllowedException e) {
            faces.addMessage(null, texts.error(Text.of("users.notAllowed")));
        }
    }

    /** Sets both flags as the button says (each button flips one and keeps the other). */
    public void setRoles(String uuid, boolean staff, boolean superuser) {
        try {
            switch (admin.setRoles(uuid, staff, superuser, refreshToken(), client())) {
                case DONE -> {
                    String roles = superuser && staff ? texts.get(Text.of("users.staff")) + ", " + texts.get(Text.of("users.superuser"))
                            : superuser ? texts.get(Text.of("users.superuser"))
                            : staff ? texts.get(Text.of("users.staff")) : texts.get(Text.of("users.roleUser"));
                    faces.addMessage(null, texts.info(Text.of("users.rolesDone", emailOf(uuid), roles)));
                    showAsTheyAreNow();
                }
                case OWN_SUPERUSER_FLAG -> faces.addMessage(null, texts.error(Text.of("users.cannotOwnSuperuser")));
                case LAST_SUPERUSER -> faces.addMessage(null, texts.error(Text.of("users.cannotLastSuperuser")));
                case NO_SUCH_PERSON -> faces.addMessage(null, texts.error(Text.of("users.noSuchPerson")));
            }
        } catch (NotAllowedException e) {
            faces.addMessage(null, texts.error(Text.of("users.notAllowed")));
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
        return Tokens.cookie(request(), cookieSettings.refreshName()).orElse(null);
    }

    private String client() {
        return clients.address();
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) faces.getExternalContext().getRequest();
    }
}
