package jp.yumekairo.command.auth;

import java.time.Instant;

/** One recorded change of an account ({@code account_change}): when, by whom, to whose account, what and why. */
record AccountChange(Instant changedAt, String changedBy, String username, Kind change, String reason,
                     String requestId) {

    /** What was done to the account. */
    enum Kind {
        CREATED, DISABLED, ENABLED, PASSWORD_RESET
    }
}
