package org.latchkey.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Tests deploy the WAR the build produced, never a hand-listed set of classes. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive latchkey() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("latchkey.war", "target/latchkey.war")));
    }
}
