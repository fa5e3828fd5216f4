package jp.yumekairo.query.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * The published 効果検証 table as it is printed (PDF) and handed out (workbook), in the layout of the members'
 * published tables (美祢市's published table): per project No, 事業の名称 with its 区分, period and 所管課, 事業実績, 総事業費 and
 * 交付実績, one line per KPI with 目標値 and 実績値, 事業効果 with 評価の理由, 今後の方針 with its reason, then the
 * three review texts; a 合計 last. Every text is Japanese, ready to print; figures stay figures.
 *
 * @param title     e.g. 令和6年度 美祢市 地方創生関係交付金事業 効果検証
 * @param edition   第1版 公表, or 未公表の現行版
 * @param footer    the edition, its publication time in 和暦 and the hash chain's checkpoint, one line each
 * @param checkpoint position and hash of the checkpoint at the publication; null when there is none (yet)
 */
public record PrintedReport(String title, String municipalityName, String fiscalYearJa, String edition,
                            List<String> footer, Checkpoint checkpoint, List<Project> projects, Long totalCost,
                            Long grantAmount, boolean grantAmountIncomplete, String filename) {

    /** The table's headings, column for column as the published tables have them. */
    public static final List<String> HEADINGS = List.of("No", "事業の名称", "事業実績", "総事業費(円)", "交付実績(円)",
            "本事業における重要業績評価指標(KPI)", "目標値", "実績値", "事業効果", "今後の方針");

    public static final String RATIONALE = "評価の理由";
    public static final String POLICY_RATIONALE = "本事業の今後の方針の理由";
    public static final String SUGGESTED = "KPIの達成状況から見た事業効果";
    public static final String SITUATION = "実施計画と比較した現況や課題の把握";
    public static final String OBSTACLES = "阻害要因の把握・分析・対応";
    public static final String REVISIONS = "次年度以降に向けた実施計画の見直し内容など";
    public static final String TOTAL = "合計";
    public static final String UNKNOWN_AMOUNT = "不明";
    public static final String INCOMPLETE_TOTAL = "（交付実績の不明な事業を除く）";

    /** The hash chain's link at the publication, which a printed copy is checked against. */
    public record Checkpoint(long position, String hash) {
    }

    /**
     * One project. {@code scopeLabel} 〈広域〉/〈単独〉 as &lt;広域&gt;; {@code period} (R4-R8); amounts null when not
     * recorded, {@code grantAmount} also when unknown ({@code grantAmountText} then 不明).
     */
    public record Project(int no, String name, String scopeLabel, String period, String department, String activities,
                          Long totalCost, Long grantAmount, String grantAmountText, List<Kpi> kpis, String effect,
                          String rationale, String suggestedEffect, String policy, String policyRationale,
                          String situation, String obstacles, String revisions) {

        /** Whether any of the three review texts (現況や課題, 阻害要因と対応, 見直し内容) is there to print. */
        public boolean hasReview() {
            return !situation.isEmpty() || !obstacles.isEmpty() || !revisions.isEmpty();
        }

        /** How many table rows the project's own cells span: one per KPI, at least one. */
        public int span() {
            return Math.max(1, kpis.size());
        }
    }

    /**
     * One KPI's line: the name with its unit, 目標値 and 実績値 of the report's year as numbers (null when unknown)
     * and as printed (with the unit, ▲ for negatives, the actual's status when it is not 確定), the 達成 mark, and
     * why the figures need checking (要確認, in Japanese; empty when they look plausible).
     */
    public record Kpi(String name, String unit, BigDecimal target, BigDecimal actual, String targetText,
                      String actualText, String reached, List<String> checks) {

        public static final String CHECK = "要確認";

        /** The 要確認 note as printed under the actual, or "" when there is nothing to check. */
        public String checkText() {
            return checks.isEmpty() ? "" : CHECK + ": " + String.join("、", checks);
        }
    }
}
