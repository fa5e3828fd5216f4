package jp.yumekairo.events;

/** 合計 / 合計しない: how a KGI consolidates over the members. Rates are never summed. */
public enum Aggregation {
    SUM("合計"),
    NONE("合計しない");

    private final String labelJa;

    Aggregation(String labelJa) {
        this.labelJa = labelJa;
    }

    public String labelJa() {
        return labelJa;
    }
}
