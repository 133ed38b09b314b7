package org.latchkey.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.servlet.ServletException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Only a database that cannot be reached is "away" (503); a wrong statement or a bug is not hidden behind it. */
class StorageUnavailableTest {

    @Test
    void findsAConnectionFailureUnderAnyWrapping() {
        Exception sql = new SQLTransientConnectionException("Connection refused");
        assertTrue(StorageUnavailable.isCause(new ServletException(new RuntimeException(new IllegalStateException(sql)))));
        assertTrue(StorageUnavailable.isCause(new ServletException(new PersistenceException("EclipseLink-4002",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))), "PostgreSQL");
        assertTrue(StorageUnavailable.isCause(new PersistenceException(new SQLException("Connection is broken", "90067",
                new ConnectException("Connection refused")))), "H2 in server mode");
        assertTrue(StorageUnavailable.isCause(new PersistenceException(new ConnectException("Connection refused"))));
        assertTrue(StorageUnavailable.isCause(new PersistenceException(new SQLException(
                "Error in allocating a connection. Cause: In-use connections equal max-pool-size"))), "Payara's pool");
        assertTrue(StorageUnavailable.isCause(new PersistenceException(new SQLException(
                "IJ031084: Unable to create connection", null, new SQLException("IJ000453: Unable to get managed connection")))),
                "WildFly's pool");
        assertTrue(StorageUnavailable.isCause(new SQLException("the database system is shutting down", "57P03")));
        assertTrue(StorageUnavailable.isCause(sql));
    }

    @Test
    void otherFailuresAreNotBlamedOnTheDatabase() {
        assertFalse(StorageUnavailable.isCause(new ServletException(new NullPointerException())));
        assertFalse(StorageUnavailable.isCause(new IllegalArgumentException("bad input")));
        assertFalse(StorageUnavailable.isCause(null));
        assertFalse(StorageUnavailable.isCause(new PersistenceException("EclipseLink-4002", new SQLException(
                "duplicate key value violates unique constraint", "23505"))), "a unique violation is a bug, not an outage");
        assertFalse(StorageUnavailable.isCause(new PersistenceException(new SQLException("syntax error", "42601"))));
        assertFalse(StorageUnavailable.isCause(new PersistenceException("no SQLState, no connection: a JPA mistake")));
    }

    @Test
    void aCauseCycleEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(StorageUnavailable.isCause(a));
    }
}
