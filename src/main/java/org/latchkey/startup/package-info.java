/**
 * What happens once, when Latchkey is deployed: every setting is checked (a bad one stops the deployment with a
 * one-line explanation), the schema is migrated, the first superuser is created.
 */
package org.latchkey.startup;
