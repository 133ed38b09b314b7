package org.latchkey.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.servlet.ServletException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class StorageUnavailableTest {

    @Test
    void findsADatabaseFailureUnderAnyWrapping() {
        Exception sql = new SQLTransientConnectionException("Connection refused");
        assertTrue(StorageUnavailable.isCause(new ServletException(new RuntimeException(new IllegalStateException(sql)))));
        assertTrue(StorageUnavailable.isCause(new ServletException(new PersistenceException("EclipseLink-4002"))));
        assertTrue(StorageUnavailable.isCause(sql));
    }

    @Test
    void otherFailuresAreNotBlamedOnTheDatabase() {
        assertFalse(StorageUnavailable.isCause(new ServletException(new NullPointerException())));
        assertFalse(StorageUnavailable.isCause(new IllegalArgumentException("bad input")));
        assertFalse(StorageUnavailable.isCause(null));
    }

    @Test
    void aCauseCycleEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(StorageUnavailable.isCause(a));
    }
}
