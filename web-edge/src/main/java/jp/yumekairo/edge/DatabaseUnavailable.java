package jp.yumekairo.edge;

import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure that is the database being out of reach (restarting, connection cut, pool timed out)
 * rather than a fault of the request or of this service: it answers 503 with {@code Retry-After}, never 500.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /** True when a cause of {@code failure} is a lost or refused connection (SQLState class 08, or 57P01–57P03). */
    public static boolean causedBy(Throwable failure) {
        if (failure == null) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof TransactionSystemException failedTransaction
                    && (failedTransaction.getCause() instanceof SQLException
                    || causedBy(failedTransaction.getApplicationException()))) {
                // the commit or rollback itself failed on its connection (Hikari's "Connection is closed" has no
                // SQLState), or the failure it hides was the connection: the outcome is unknown, not a fault
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }
}
