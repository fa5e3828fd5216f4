package jp.yumekairo.events;

/** 事業効果: the four official levels of a project's effect on regional revitalisation. */
public enum EffectRating {
    VERY_EFFECTIVE("地方創生に非常に効果的であった"),
    CONSIDERABLY_EFFECTIVE("地方創生に相当程度効果があった"),
    EFFECTIVE("地方創生に効果があった"),
    NOT_EFFECTIVE("地方創生に対して効果がなかった");

    private final String labelJa;

    EffectRating(String labelJa) {
        this.labelJa = labelJa;
    }

    public String labelJa() {
        return labelJa;
    }
}
