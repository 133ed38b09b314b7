package org.latchkey.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.latchkey.audit.Audit;
import org.latchkey.consumer.CurrentUser;
import org.latchkey.consumer.LatchkeyUser;
import org.latchkey.user.User;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;

/** admin/users.xhtml (superusers only, see web.xml): the people, with a button to deactivate or reactivate each. */
@Named
@RequestScoped
public class UsersBacking {

    @Inject
    AdminService admin;

    @Inject
    CurrentUser currentUser;

    @Inject
    Audit audit;

    @Inject
    FacesContext faces;

    @Inject
    Texts texts;

    public List<User> getUsers() {
        return admin.users();
    }

    public void deactivate(String uuid) {
        String me = currentUser.get().map(LatchkeyUser::uuid).orElse("");
        boolean done = admin.deactivate(uuid, me);
        audit.event("user-deactivated", uuid, client(), done ? "success" : "refused");
        faces.addMessage(null, done ? texts.info(Text.of("users.deactivatedDone")) : texts.error(Text.of("users.cannotDeactivate")));
    }

    public void reactivate(String uuid) {
        boolean done = admin.reactivate(uuid);
        audit.event("user-reactivated", uuid, client(), done ? "success" : "refused");
        faces.addMessage(null, texts.info(Text.of("users.reactivatedDone")));
    }

    private String client() {
        return ((HttpServletRequest) faces.getExternalContext().getRequest()).getRemoteAddr();
    }
}
