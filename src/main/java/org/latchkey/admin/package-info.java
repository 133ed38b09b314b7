/** User administration for superusers: who has an account, and deactivating (or reactivating) one. */
package org.latchkey.admin;
