/** Creating an account: the register page and the rules a new account must pass. */
package org.latchkey.registration;
