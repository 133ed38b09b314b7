package org.latchkey.login;

import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latchkey.support.Deployments;

/** {@link LoginJourney} on Payara Micro, deployed by Arquillian (settings in arquillian.xml). */
@ExtendWith(ArquillianExtension.class)
class LoginFlowIT extends LoginJourney {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.latchkey();
    }

    @ArquillianResource
    URL base;

    @Override
    URI base() throws Exception {
        return base.toURI();
    }
}
