/**
 * Writing, reading and clearing the two token cookies. The access cookie goes to the parent domain so every
 * service reads it; the refresh cookie stays host-only on the auth service, so no other service ever holds a
 * credential that outlives the access token.
 */
package org.latchkey.cookie;
