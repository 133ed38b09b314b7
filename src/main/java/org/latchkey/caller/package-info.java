/**
 * Who is calling a service, from the container's principal and Latchkey's own records, and whether they hold the
 * auth host's session: the check every service that reads or changes an account makes for itself.
 */
package org.latchkey.caller;
