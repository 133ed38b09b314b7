package org.latchkey.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.latchkey.audit.Audit;
import org.latchkey.consumer.CurrentUser;
import org.latchkey.consumer.LatchkeyUser;
import org.latchkey.user.User;

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

    public List<User> getUsers() {
        return admin.users();
    }

    public void deactivate(String uuid) {
        String me = currentUser.get().map(LatchkeyUser::uuid).orElse("");
        boolean done = admin.deactivate(uuid, me);
        audit.event("user-deactivated", uuid, client(), done ? "success" : "refused");
        faces.addMessage(null, new FacesMessage(done ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_ERROR,
                done ? "The account was deactivated and signed out everywhere." : "That account cannot be deactivated here.", null));
    }

    public void reactivate(String uuid) {
        boolean done = admin.reactivate(uuid);
        audit.event("user-reactivated", uuid, client(), done ? "success" : "refused");
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "The account was reactivated.", null));
    }

    private String client() {
        return ((HttpServletRequest) faces.getExternalContext().getRequest()).getRemoteAddr();
    }
}
