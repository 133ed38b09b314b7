package org.latchkey.support;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.latchkey.downstream.HomeServlet;
import org.latchkey.downstream.MpJwtApplication;
import org.latchkey.downstream.MpJwtResource;
import org.latchkey.downstream.PrivateServlet;
import org.latchkey.downstream.PublicServlet;
import org.latchkey.downstream.WhoAmIServlet;

/**
 * A downstream service as a user would build it: the consumer jar (with jose4j and its slf4j-api) plus two servlets,
 * and nothing else from Latchkey.
 */
public final class DownstreamWar {

    private DownstreamWar() {
    }

    public static Path export(Path file) {
        ShrinkWrap.create(WebArchive.class, file.getFileName().toString())
                .addAsLibrary(new File(System.getProperty("latchkey.consumerJar", "target/latchkey-consumer.jar")))
                .addAsLibrary(jar("latchkey.jose4jJar", "jose4j-"))
                .addAsLibrary(jar("latchkey.slf4jJar", "slf4j-api-"))
                .addClasses(WhoAmIServlet.class, PublicServlet.class, PrivateServlet.class, HomeServlet.class)
                .as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }

    /** A service secured by MicroProfile JWT alone: no Latchkey code at all, only the standard API. */
    public static Path exportMpJwt(Path file) {
        ShrinkWrap.create(WebArchive.class, file.getFileName().toString())
                .addClasses(MpJwtApplication.class, MpJwtResource.class)
                // "all": MicroProfile JWT finds @LoginConfig on the Application class, which is not a bean otherwise
                .addAsWebInfResource(new org.jboss.shrinkwrap.api.asset.StringAsset(
                        "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" bean-discovery-mode=\"all\"/>"),
                        "beans.xml")
                .as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }

    /** From the build's system property, or else found on the test classpath. */
    private static File jar(String property, String prefix) {
        String configured = System.getProperty(property);
        if (configured != null) {
            return new File(configured);
        }
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(File::new).filter(f -> f.getName().startsWith(prefix) && f.getName().endsWith(".jar"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + prefix + "*.jar on the classpath"));
    }
}
