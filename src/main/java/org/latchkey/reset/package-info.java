/**
 * Forgotten passwords: a link by mail (asked for on the page or the API, or sent by a superuser) that sets a new
 * password, ends every sign-in of that person and signs them in — the way back in, even while their logins are
 * throttled. The request answers the same for every address.
 */
package org.latchkey.reset;
