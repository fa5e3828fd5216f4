package jp.yumekairo.command;

/** A provisional or confirmed figure needs a value; a pending or not-applicable one has none. */
public final class ValueDoesNotMatchStatus extends CommandRefused {

    public ValueDoesNotMatchStatus(String message) {
        super(Kind.INVALID, "value-does-not-match-status", message);
    }
}
