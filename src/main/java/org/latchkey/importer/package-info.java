/**
 * The import command ({@code java -jar target/latchkey-import.jar}): people of the article's Django auth service —
 * from its SQLite file, its PostgreSQL database or {@code manage.py dumpdata auth.user} — into Latchkey's database,
 * with their ids, UUIDs, flags and password hashes, by documented rules for what Latchkey cannot take as it is.
 * Plain JDBC and Flyway, no server: {@link org.latchkey.importer.DjangoSource} reads,
 * {@link org.latchkey.importer.ImportRules} decides, {@link org.latchkey.importer.LatchkeyDatabase} writes. Not
 * part of the WAR; imports only {@code password.StoredHashes} and {@code user.Emails} of the rest.
 */
package org.latchkey.importer;
