package org.latchkey.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.latchkey.caller.NotAllowedException;
import org.latchkey.session.SignInEntry;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;
import org.latchkey.user.User;

/**
 * admin/person.xhtml?id={uuid} (superusers only, see web.xml; {@link AdminService} checks again): one person's account,
 * where they are signed in (end one or all), their roles, deactivation and a reset link. No such person: 404.
 */
@Named
@RequestScoped
public class PersonBacking {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final String SHOWN = "latchkey.personShown";

    @Inject
    AdminService admin;

    @Inject
    AdminActions actions;

    @Inject
    FacesContext faces;

    @Inject
    Texts texts;

    private String id;
    private AdminService.Person person;
    private boolean refused;

    /**
     * On GET, before anything renders: no such person is a 404 (nothing of theirs to show). No {@code id} at all — the
     * address a form posts to, which is where a superuser whose session ended lands after signing in again — is the
     * list of people.
     */
    public void load() throws IOException {
        if ((id == null || id.isEmpty()) && !faces.isPostback()) {
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + "/admin/users");
            return;
        }
        if (person() == null && !refused) {
            faces.getExternalContext().responseSendError(404, "No such person");
            faces.responseComplete();
        }
    }

    /**
     * The person as they are now. A postback acts on the person and sign-ins the page showed, kept in the view: the
     * buttons are decoded before the {@code id} parameter is set again, and a button names its row by position, so
     * a sign-in made or ended meanwhile cannot shift "Sign out this one" onto another row.
     */
    private AdminService.Person person() {
        if (person == null && !refused) {
            Map<String, Object> view = faces.getViewRoot().getViewMap();
            if (faces.isPostback() && view.get(SHOWN) instanceof AdminService.Person shown) {
                person = shown;
                return person;
            }
            Optional<AdminService.Person> found;
            try {
                found = id == null || id.length() > 64 ? Optional.empty() : admin.person(id, actions.refreshToken());
            } catch (NotAllowedException e) {
                refused = true;
                faces.addMessage(null, texts.error(Text.of("users.notAllowed")));
                return null;
            }
            person = found.orElse(null);
            if (person != null) {
                view.put(SHOWN, person);
            }
        }
        return person;
    }

    /** Whom the buttons act on: the person the page showed. */
    private String uuid() {
        AdminService.Person p = person();
        return p == null ? id : p.user().getUuid();
    }

    public User getUser() {
        AdminService.Person p = person();
        return p == null ? null : p.user();
    }

    public List<SignInEntry> getSignIns() {
        AdminService.Person p = person();
        return p == null ? List.of() : p.signIns();
    }

    public String when(OffsetDateTime time) {
        return time == null ? texts.get(Text.of("person.never")) : WHEN.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    public String at(java.time.Instant instant) {
        return WHEN.format(instant.atOffset(ZoneOffset.UTC));
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public void endSignIn(String signInId) {
        changed(actions.endSignIn(uuid(), signInId));
    }

    public void endAllSignIns() {
        changed(actions.endAllSignIns(uuid()));
    }

    public void deactivate() {
        changed(actions.deactivate(uuid()));
    }

    public void reactivate() {
        changed(actions.reactivate(uuid()));
    }

    public void sendResetLink() {
        User user = getUser();
        actions.sendResetLink(uuid(), user == null ? "" : user.getEmail());
    }

    public void setRoles(boolean staff, boolean superuser) {
        User user = getUser();
        changed(actions.setRoles(uuid(), user == null ? "" : user.getEmail(), staff, superuser));
    }

    /** After a change the page shows the person as they are now. */
    private void changed(boolean done) {
        if (done) {
            id = uuid();
            person = null;
            faces.getViewRoot().getViewMap().remove(SHOWN);
        }
    }
}
