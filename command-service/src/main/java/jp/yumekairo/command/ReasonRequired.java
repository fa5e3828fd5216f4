package jp.yumekairo.command;

/** A change to a figure already recorded (a revision or a correction) must say why. */
public final class ReasonRequired extends CommandRefused {

    public ReasonRequired(String what) {
        super(Kind.CONFLICT, "reason-required", what + " changes a figure already recorded and needs a reason");
    }

    /** Refuses a blank reason for {@code what}. */
    public static void require(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new ReasonRequired(what);
        }
    }
}
