package jp.yumekairo.query.support;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static jp.yumekairo.query.support.Api.object;

/**
 * Figures from the seed documents, written through the command API as the members' editors would.
 * Seed 002: 美祢市's R6 (FY2024) effect verification. Seed 004: the plan's 定住人口 per member.
 * The seed gives no baselines for seed 002's KPIs; the ones used here are marked as assumed.
 */
public final class Seeds {

    public static final String PLAN = "yume-kairo-2";

    /** 定住人口 per member: 平成22年 (2010, the baseline) and 令和2年国勢調査 (2020), seed 004 page 2. */
    public static final Map<String, long[]> SETTLED_POPULATION = new LinkedHashMap<>();

    static {
        SETTLED_POPULATION.put("35203", new long[]{196_627, 194_110});
        SETTLED_POPULATION.put("35202", new long[]{173_772, 162_707});
        SETTLED_POPULATION.put("35204", new long[]{53_747, 44_661});
        SETTLED_POPULATION.put("35206", new long[]{116_611, 114_038});
        SETTLED_POPULATION.put("35213", new long[]{28_630, 23_267});
        SETTLED_POPULATION.put("35216", new long[]{64_548, 60_367});
        SETTLED_POPULATION.put("32501", new long[]{8_426, 6_879});
    }

    /** The editor account of each member in the demo profile. */
    public static final Map<String, String> EDITORS = Map.of("35203", "yamaguchi", "35202", "ube", "35204", "hagi",
            "35206", "hofu", "35213", "mine", "35216", "sanyo-onoda", "32501", "tsuwano");

    private final Api api;

    public Seeds(Api api) {
        this.api = api;
    }

    /**
     * No. 1, 「山口ゆめ回廊」観光を基軸とした交流価値共創プロジェクト (広域, R4–R8, 観光政策課): all three KPIs
     * reached in R6, rated 非常に効果的, 事業を継続; 総事業費 40,404,482円, 交付実績 20,202,241円.
     */
    public long mineTourismProject(String projectId) {
        api.write("mine", "POST", "/api/projects", object("projectId", projectId, "leadMunicipality", "35213",
                "participants", new String[]{"35203", "35202", "35204", "35206", "35216", "32501"},
                "name", "「山口ゆめ回廊」観光を基軸とした交流価値共創プロジェクト", "summary", "観光交流から移住・定住へ",
                "scope", "WIDE_AREA", "grantProgram", "DIGITAL_GARDEN_CITY_PROMOTION", "department", "観光政策課",
                "firstFiscalYear", 2022, "lastFiscalYear", 2026));
        // baselines assumed (seed 002 states targets and actuals only)
        kpi(projectId, "mice", "MICE誘致件数", "件", "0", 2021, "82", "167");
        kpi(projectId, "tour-programs", "着地型観光プログラム造成件数", "件", "0", 2021, "21", "30");
        kpi(projectId, "foreign-visitors", "外国人観光客数", "人", "50000", 2021, "81555", "142229");
        api.write("mine", "PUT", "/api/projects/" + projectId + "/costs/2024",
                object("totalCost", 40_404_482L, "grantAmount", 20_202_241L, "reason", ""));
        return api.write("mine", "POST", "/api/projects/" + projectId + "/evaluations/2024",
                object("effect", "VERY_EFFECTIVE", "policy", "CONTINUE",
                        "rationale", "7市町において広域的な取組を実施することで、周遊促進に繋がった。")).version();
    }

    /**
     * No. 3, 健康増進課's project (単独, R3–R7): four KPIs, 特定健診の受診率 55.0% targeted and 38.3% reached, the
     * other three reached; rated 相当程度効果があった, 事業を継続; 総事業費 14,459,000円, 交付実績 7,122,353円.
     */
    public long mineHealthProject(String projectId) {
        api.write("mine", "POST", "/api/projects", object("projectId", projectId, "leadMunicipality", "35213",
                "participants", new String[0], "name", "産官学と地域が連携した健康づくり事業", "summary", "",
                "scope", "SINGLE", "grantProgram", "DIGITAL_GARDEN_CITY_PROMOTION", "department", "健康増進課",
                "firstFiscalYear", 2021, "lastFiscalYear", 2025));
        kpi(projectId, "mileage", "みね健康マイレージ参加者数", "人", "100", 2020, "130", "146");
        kpi(projectId, "walk", "健康ウォーク参加者数", "人", "100", 2020, "130", "142");
        kpi(projectId, "checkups", "特定健診の受診率", "%", "36.0", 2020, "55.0", "38.3");
        kpi(projectId, "analysts", "仮説検証型地域保健施策推進のための分析・施策立案に取組む高度人材", "人", "0", 2020, "3", "3");
        api.write("mine", "PUT", "/api/projects/" + projectId + "/costs/2024",
                object("totalCost", 14_459_000L, "grantAmount", 7_122_353L, "reason", ""));
        return api.write("mine", "POST", "/api/projects/" + projectId + "/evaluations/2024",
                object("effect", "CONSIDERABLY_EFFECTIVE", "policy", "CONTINUE",
                        "shortfallReasons", Map.of("checkups", "受診しやすい環境づくりが途上"))).version();
    }

    private void kpi(String projectId, String kpiId, String name, String unit, String baseline, int baselineYear,
                     String target, String actual) {
        api.write("mine", "POST", "/api/projects/" + projectId + "/kpis", object("kpiId", kpiId, "name", name,
                "unit", unit, "direction", "HIGHER_IS_BETTER", "measure", "ABSOLUTE",
                "baseline", object("value", new BigDecimal(baseline), "fiscalYear", baselineYear)));
        api.write("mine", "PUT", "/api/projects/" + projectId + "/kpis/" + kpiId + "/targets/2024",
                object("value", new BigDecimal(target), "reason", ""));
        api.write("mine", "PUT", "/api/projects/" + projectId + "/kpis/" + kpiId + "/actuals/2024",
                object("value", new BigDecimal(actual), "status", "CONFIRMED", "source", "令和6年度効果検証", "note", "",
                        "reason", ""));
    }

    /**
     * A project of 防府市 (単独, R4–R8) with one KPI, its R6 target and actual and the R6 cost, for tests that need a
     * project of their own on the shared services without touching the figures of 美祢市 that other tests add up.
     */
    public long hofuProject(String projectId) {
        api.write("hofu", "POST", "/api/projects", object("projectId", projectId, "leadMunicipality", "35206",
                "participants", new String[0], "name", "防府市の移住促進事業", "summary", "", "scope", "SINGLE",
                "grantProgram", "SECOND_GENERATION", "department", "地域振興課", "firstFiscalYear", 2022,
                "lastFiscalYear", 2026));
        api.write("hofu", "POST", "/api/projects/" + projectId + "/kpis", object("kpiId", "movers", "name", "移住者数",
                "unit", "人", "direction", "HIGHER_IS_BETTER", "measure", "ABSOLUTE",
                "baseline", object("value", 100, "fiscalYear", 2021)));
        api.write("hofu", "PUT", "/api/projects/" + projectId + "/kpis/movers/targets/2024", object("value", 150, "reason", ""));
        api.write("hofu", "PUT", "/api/projects/" + projectId + "/kpis/movers/actuals/2024", object("value", 162,
                "status", "CONFIRMED", "source", "住民基本台帳", "note", "", "reason", ""));
        return api.write("hofu", "PUT", "/api/projects/" + projectId + "/costs/2024",
                object("totalCost", 10_000_000L, "grantAmount", 5_000_000L, "reason", "")).version();
    }

    /** The plan with its 定住人口 KGI, defined by the secretariat. */
    public long planWithSettledPopulation() {
        api.write("admin", "POST", "/api/plans", object("planId", PLAN, "name", "第2期山口県央連携都市圏域ビジョン",
                "members", new String[]{"35203", "35202", "35204", "35206", "35213", "35216", "32501"},
                "firstFiscalYear", 2022, "lastFiscalYear", 2026));
        return api.write("admin", "POST", "/api/plans/" + PLAN + "/kgis", object("kgiId", "settled-population",
                "name", "定住人口", "unit", "人", "direction", "HIGHER_IS_BETTER", "aggregation", "SUM",
                "baseline", object("value", 642_361, "year", 2010))).version();
    }

    /** One member's 定住人口 for a year, reported by its own editor; returns the plan's version. */
    public long reportSettledPopulation(String member, int year, long value) {
        return api.write(EDITORS.get(member), "PUT", "/api/plans/" + PLAN + "/kgis/settled-population/figures/"
                + member + "/" + year, object("value", value, "status", "CONFIRMED", "source", "国勢調査",
                "reason", "")).version();
    }
}
