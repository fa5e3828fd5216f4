package jp.yumekairo.command.web;

import jp.yumekairo.command.CommandRefused;

/** Refusals decided at the edge, before or around a command: unknown or duplicate ids, bad headers. */
public final class WriteRefusals {

    private WriteRefusals() {
    }

    static final class UnknownAggregate extends CommandRefused {
        UnknownAggregate(String kind, String id) {
            super(Kind.UNKNOWN, "unknown-" + kind, "there is no " + kind + " '" + id + "'");
        }
    }

    public static final class DuplicateAggregate extends CommandRefused {
        DuplicateAggregate(String kind, String id) {
            super(Kind.CONFLICT, "duplicate-" + kind + "-id", "a " + kind + " '" + id + "' already exists");
        }
    }

    static final class InvalidHeader extends CommandRefused {
        InvalidHeader(String code, String message) {
            super(Kind.INVALID, code, message);
        }
    }
}
