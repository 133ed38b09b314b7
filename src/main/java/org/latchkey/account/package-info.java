/** The signed-in person's own page. */
package org.latchkey.account;
