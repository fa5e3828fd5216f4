package jp.yumekairo.events;

/** 今後の方針: what the municipality will do with the project next. */
public enum Policy {
    CONTINUE("継続"),
    EXPAND("発展"),
    IMPROVE("改善"),
    REDUCE("縮小"),
    DISCONTINUE("中止"),
    COMPLETE("終了");

    private final String labelJa;

    Policy(String labelJa) {
        this.labelJa = labelJa;
    }

    public String labelJa() {
        return labelJa;
    }
}
