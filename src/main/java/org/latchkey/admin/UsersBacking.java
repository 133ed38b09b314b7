package org.latchkey.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.latchkey.audit.Audit;
import org.latchkey.caller.NotAllowedException;
import org.latchkey.consumer.Tokens;
import org.latchkey.cookie.CookieSettings;
import org.latchkey.user.User;
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

    private List<User> users;

    /** On GET, before anything renders. */
    public void load() {
        getUsers();
    }

    /** Everyone, once per request; nobody (and a message) for a caller the service refuses. */
    public List<User> getUsers() {
        if (users == null) {
            try {
                users = admin.users(refreshToken());
            } catch (NotAllowedException e) {
                users = List.of();
                faces.addMessage(null, texts.error(Text.of("users.notAllowed")));
            }
        }
        return users;
    }

    public void deactivate(String uuid) {
        try {
            boolean done = admin.deactivate(uuid, refreshToken(), client());
            faces.addMessage(null, done ? texts.info(Text.of("users.deactivatedDone")) : texts.error(Text.of("users.cannotDeactivate")));
        } catch (NotAllowedException e) {
            faces.addMessage(null, texts.error(Text.of("users.notAllowed")));
        }
    }

    public void reactivate(String uuid) {
        try {
            boolean done = admin.reactivate(uuid, refreshToken(), client());
            faces.addMessage(null, texts.info(Text.of("users.reactivatedDone")));
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
                    users = null; // show them as they are now
                }
                case OWN_SUPERUSER_FLAG -> faces.addMessage(null, texts.error(Text.of("users.cannotOwnSuperuser")));
                case LAST_SUPERUSER -> faces.addMessage(null, texts.error(Text.of("users.cannotLastSuperuser")));
                case NO_SUCH_PERSON -> faces.addMessage(null, texts.error(Text.of("users.noSuchPerson")));
            }
        } catch (NotAllowedException e) {
            faces.addMessage(null, texts.error(Text.of("users.notAllowed")));
        }
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
