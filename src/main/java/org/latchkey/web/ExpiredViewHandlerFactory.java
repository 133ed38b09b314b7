package org.latchkey.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Locale;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A form posted after its view expired (a restart, an old tab) is not an error worth a 500: the browser is sent
 * back to the same page with a message to try again.
 */
public class ExpiredViewHandlerFactory extends ExceptionHandlerFactory {

    public ExpiredViewHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() throws FacesException {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable thrown = events.next().getContext().getException();
                if (thrown instanceof ViewExpiredException expired) {
                    events.remove();
                    redirectToSameView(expired.getViewId());
                    return;
                }
            }
            getWrapped().handle();
        }

        private static void redirectToSameView(String viewId) {
            FacesContext faces = FacesContext.getCurrentInstance();
            ExternalContext external = faces.getExternalContext();
            String page = viewId == null ? "/login" : viewId.replaceFirst("\\.xhtml$", "");
            String query = ((jakarta.servlet.http.HttpServletRequest) external.getRequest()).getQueryString();
            external.getFlash().setKeepMessages(true);
            Locale locale = faces.getViewRoot() == null ? Texts.choose(external.getRequestLocales())
                    : faces.getViewRoot().getLocale();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN,
                    Texts.format(Text.of("form.expired"), locale), null));
            try {
                external.redirect(external.getRequestContextPath() + page + (query == null ? "" : "?" + query));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
        }
    }
}
