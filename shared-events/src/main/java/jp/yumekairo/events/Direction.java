package jp.yumekairo.events;

/** Which way an indicator improves: 高いほど良い / 低いほど良い. */
public enum Direction {
    HIGHER_IS_BETTER("高いほど良い"),
    LOWER_IS_BETTER("低いほど良い");

    private final String labelJa;

    Direction(String labelJa) {
        this.labelJa = labelJa;
    }

    public String labelJa() {
        return labelJa;
    }
}
