package jp.yumekairo.command.auth;

import jp.yumekairo.command.CommandRefused;

/** The acting person may not write this: another member's data, or a role that writes nothing. */
public class NotPermitted extends CommandRefused {

    public NotPermitted(String message) {
        super(Kind.FORBIDDEN, "not-permitted", message);
    }
}
