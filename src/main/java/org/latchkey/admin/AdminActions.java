package org.latchkey.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.latchkey.caller.NotAllowedException;
import org.latchkey.consumer.Tokens;
import org.latchkey.cookie.CookieSettings;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;
import org.latchkey.throttle.Clients;

/**
 * The buttons the people list and a person's page share: each calls {@link AdminService} (which checks the caller)
 * with this browser's auth-host session and says what came of it.
 */
@RequestScoped
public class AdminActions {

    @Inject
    AdminService admin;

    @Inject
    Clients clients;

    @Inject
    CookieSettings cookieSettings;

    @Inject
    FacesContext faces;

    @Inject
    Texts texts;

    /** @return whether anything changed (the page then shows the rows as they are now) */
    public boolean deactivate(String uuid) {
        return act(() -> {
            boolean done = admin.deactivate(uuid, refreshToken(), clients.address());
            say(done ? texts.info(Text.of("users.deactivatedDone")) : texts.error(Text.of("users.cannotDeactivate")));
            return done;
        });
    }

    public boolean reactivate(String uuid) {
        return act(() -> {
            boolean done = admin.reactivate(uuid, refreshToken(), clients.address());
            say(done ? texts.info(Text.of("users.reactivatedDone")) : texts.error(Text.of("users.noSuchPerson")));
            return done;
        });
    }

    public boolean sendResetLink(String uuid, String email) {
        return act(() -> {
            boolean done = admin.sendResetLink(uuid, refreshToken(), texts.getLocale(), clients.address());
            say(done ? texts.info(Text.of("users.resetSent", email)) : texts.error(Text.of("users.cannotSendReset")));
            return false;
        });
    }

    /** Sets both flags as the button says (each button flips one and keeps the other). */
    public boolean setRoles(String uuid, String email, boolean staff, boolean superuser) {
        return act(() -> switch (admin.setRoles(uuid, staff, superuser, refreshToken(), clients.address())) {
            case DONE -> {
                String roles = superuser && staff ? texts.get(Text.of("users.staff")) + ", " + texts.get(Text.of("users.superuser"))
                        : superuser ? texts.get(Text.of("users.superuser"))
                        : staff ? texts.get(Text.of("users.staff")) : texts.get(Text.of("users.roleUser"));
                say(texts.info(Text.of("users.rolesDone", email, roles)));
                yield true;
            }
            case OWN_SUPERUSER_FLAG -> say(texts.error(Text.of("users.cannotOwnSuperuser")));
            case LAST_SUPERUSER -> say(texts.error(Text.of("users.cannotLastSuperuser")));
            case NO_SUCH_PERSON -> say(texts.error(Text.of("users.noSuchPerson")));
        });
    }

    public boolean endSignIn(String uuid, String signInId) {
        return act(() -> {
            boolean done = admin.endSignIn(uuid, signInId, refreshToken(), clients.address());
            say(done ? texts.info(Text.of("person.signInEnded")) : texts.error(Text.of("account.noSuchSignIn")));
            return done;
        });
    }

    public boolean endAllSignIns(String uuid) {
        return act(() -> {
            boolean done = admin.endAllSignIns(uuid, refreshToken(), clients.address());
            say(done ? texts.info(Text.of("person.allEnded")) : texts.error(Text.of("users.noSuchPerson")));
            return done;
        });
    }

    /** This browser's auth-host session, which every admin call needs. */
    String refreshToken() {
        return Tokens.cookie((HttpServletRequest) faces.getExternalContext().getRequest(), cookieSettings.refreshName())
                .orElse(null);
    }

    private interface Action {
        boolean run() throws NotAllowedException;
    }

    private boolean act(Action action) {
        try {
            return action.run();
        } catch (NotAllowedException e) {
            say(texts.error(Text.of("users.notAllowed")));
            return false;
        }
    }

    private boolean say(jakarta.faces.application.FacesMessage message) {
        faces.addMessage(null, message);
        return false;
    }
}
