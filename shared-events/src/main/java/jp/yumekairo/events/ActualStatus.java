package jp.yumekairo.events;

/**
 * How final an actual (実績値) is: 速報 / 確定 / 確認中 / 該当なし. The tables and the input sheet write 該当なし as
 * a lone ー, and the pages label it 「ー (該当なし)」.
 */
public enum ActualStatus {
    PROVISIONAL("速報"),
    CONFIRMED("確定"),
    PENDING("確認中"),
    NOT_APPLICABLE("該当なし");

    private final String labelJa;

    ActualStatus(String labelJa) {
        this.labelJa = labelJa;
    }

    public String labelJa() {
        return labelJa;
    }

    /** Provisional and confirmed actuals state a figure; pending and not-applicable ones have none. */
    public boolean requiresValue() {
        return this == PROVISIONAL || this == CONFIRMED;
    }
}
