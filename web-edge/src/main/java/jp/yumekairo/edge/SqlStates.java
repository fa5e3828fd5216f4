package jp.yumekairo.edge;

import java.sql.SQLException;

/** The PostgreSQL SQLStates the services tell apart from other failures. */
public final class SqlStates {

    /** {@code unique_violation}: a row with the same key exists already. */
    public static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {
    }

    /** True when a cause of {@code failure} is a unique violation. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
