package jp.yumekairo.command.auth;

import jp.yumekairo.command.CommandRefused;

/** A change of an account the secretariat asked for and that is refused, with why. */
final class AccountRefused extends CommandRefused {

    private AccountRefused(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    static AccountRefused exists(String username) {
        return new AccountRefused(Kind.CONFLICT, "account-exists", "an account named " + username + " exists already");
    }

    static AccountRefused unknown(String username) {
        return new AccountRefused(Kind.UNKNOWN, "unknown-account", "there is no account named " + username);
    }

    static AccountRefused invalid(String detail) {
        return new AccountRefused(Kind.INVALID, "invalid-account", detail);
    }

    static AccountRefused weakPassword(int minimum) {
        return new AccountRefused(Kind.INVALID, "weak-password",
                "a password has at least " + minimum + " characters and at most 72 bytes");
    }

    static AccountRefused reasonRequired() {
        return new AccountRefused(Kind.INVALID, "reason-required", "a change of an account needs a reason");
    }

    static AccountRefused ownAccount() {
        return new AccountRefused(Kind.CONFLICT, "cannot-disable-self",
                "the secretariat may not disable the account it is signed in with");
    }

    static AccountRefused unchanged(String username, boolean enabled) {
        return new AccountRefused(Kind.CONFLICT, enabled ? "account-already-enabled" : "account-already-disabled",
                "the account " + username + " is " + (enabled ? "enabled" : "disabled") + " already");
    }
}
