/** Faces set-up shared by every page: the configuration marker and the handling of expired forms. */
package org.latchkey.web;
