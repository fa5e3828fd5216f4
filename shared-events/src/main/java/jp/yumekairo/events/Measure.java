package jp.yumekairo.events;

/** What a KPI's figures count: the value itself, or the increment over the baseline (増加分 / KPI増加分の累計). */
public enum Measure {
    ABSOLUTE("実数"),
    INCREMENT("増加分");

    private final String labelJa;

    Measure(String labelJa) {
        this.labelJa = labelJa;
    }

    public String labelJa() {
        return labelJa;
    }
}
