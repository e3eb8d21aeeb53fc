package org.huisu.core.store;

import java.sql.SQLException;

/** A case database failure, unchecked; {@link #diskFull()} tells the one the user can fix. */
public final class StoreException extends RuntimeException {

    /** SQLite's result code for a full disk or database. */
    private static final int SQLITE_FULL = 13;

    public StoreException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }

    /** True when the database could not write because the disk is full. */
    public boolean diskFull() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == SQLITE_FULL
                    || "53100".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
