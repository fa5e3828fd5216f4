package jp.yumekairo.query.project;

import java.util.Arrays;

/**
 * Why a KPI's figures of a year need a second look (要確認). The figures are stored as given, since the source
 * documents contain such figures; the check only says what looks implausible. The message key
 * {@code check.NAME} gives the label in the page's language.
 */
public enum Check {

    TARGET_BELOW_BASELINE("目標値が基準値を下回っています（高いほど良い指標）",
            "the target is below the baseline (higher is better)"),
    TARGET_ABOVE_BASELINE("目標値が基準値を上回っています（低いほど良い指標）",
            "the target is above the baseline (lower is better)"),
    PERCENTAGE_ABOVE_100("百分率が100を超えています", "a percentage is above 100"),
    PROGRESS_OUT_OF_RANGE("進捗率が−100%〜+300%の範囲外です", "the progress is outside −100 % to +300 %");

    private final String labelJa;
    private final String labelEn;

    Check(String labelJa, String labelEn) {
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    public String labelJa() {
        return labelJa;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The check whose Japanese label this is (as the views carry it), or null. */
    public static Check ofLabelJa(String labelJa) {
        return Arrays.stream(values()).filter(check -> check.labelJa.equals(labelJa)).findFirst().orElse(null);
    }
}
