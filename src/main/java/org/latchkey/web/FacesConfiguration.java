package org.latchkey.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;

/** Turns on Faces 4 with CDI; pages are served without .xhtml (see web.xml). */
@FacesConfig
@ApplicationScoped
public class FacesConfiguration {
}
