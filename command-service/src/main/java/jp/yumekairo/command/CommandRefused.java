package jp.yumekairo.command;

/**
 * A command the domain refuses, with a stable {@link #code()} for clients and the kind of refusal that
 * decides the HTTP status. Each rule has its own subclass next to the aggregate that enforces it.
 */
public abstract class CommandRefused extends RuntimeException {

    /** Why a command is refused, in the terms of the HTTP status it becomes. */
    public enum Kind {
        /** 400: the request itself makes no sense. */
        INVALID,
        /** 403: the person may not do this. */
        FORBIDDEN,
        /** 404: it refers to something that does not exist. */
        UNKNOWN,
        /** 409: it contradicts what the log already holds. */
        CONFLICT
    }

    private final String code;
    private final Kind kind;

    protected CommandRefused(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
