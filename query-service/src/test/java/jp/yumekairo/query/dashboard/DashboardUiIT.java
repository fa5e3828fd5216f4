package jp.yumekairo.query.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.Browser;
import jp.yumekairo.query.support.Seeds;
import jp.yumekairo.query.support.Services;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;

import static jp.yumekairo.query.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prefecture's dashboard in headless Chromium on the demo data, with 令和7年 (2025) settled population reported
 * by four of the seven members: the partnership-only KGIs name no member 未報告, the incomplete year is drawn hollow on
 * a dashed segment with its legend entry and marked in the table, the status board shows each member's report and
 * evaluations, and an auditor follows a total's 根拠をたどる to its events. The screenshot goes to the README.
 */
class DashboardUiIT {

    private static final Map<String, Long> REPORTED_2025 = Map.of("35203", 187_000L, "35202", 158_000L,
            "35206", 113_000L, "35216", 60_000L);

    private static Services services;
    private static String base;

    @BeforeAll
    static void start() {
        services = Services.demo(DashboardUiIT.class);
        Api api = services.api();
        long version = 0;
        for (Map.Entry<String, Long> member : REPORTED_2025.entrySet()) {
            version = api.write(Seeds.EDITORS.get(member.getKey()), "PUT", "/api/plans/yume-kairo-2/kgis/"
                    + "settled-population/figures/" + member.getKey() + "/2025", object("value", member.getValue(),
                    "status", "PROVISIONAL", "source", "令和7年国勢調査 速報", "reason", "")).version();
        }
        api.get("prefecture", "/api/plans/yume-kairo-2/dashboard?minVersion=" + version);
        base = services.query().baseUrl();
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @Test
    void prefecture_seesPartnershipOnlyKgisWithoutMissingReports_anIncompleteYearHollow_andTheStatusBoard() throws Exception {
        try (Browser prefecture = new Browser(base)) {
            prefecture.resize(1280, 3000);
            prefecture.signIn("prefecture");
            prefecture.waitForText("#kgi-settled-population .year", "令和7年");

            // 交流人口・新規雇用創出数・社会動態: published for the partnership only, nobody is 未報告
            List<WebElement> rows = prefecture.all("#members tbody tr");
            assertThat(rows).hasSize(7);
            for (WebElement row : rows) {
                List<WebElement> cells = row.findElements(org.openqa.selenium.By.cssSelector("td.num"));
                // columns: 定住人口, 交流人口, 新規雇用創出数, 社会動態 (then the entries count)
                for (int partnershipOnly = 1; partnershipOnly <= 3; partnershipOnly++) {
                    assertThat(cells.get(partnershipOnly).getText()).isEqualTo("圏域全体で公表（市町別なし）")
                            .doesNotContain("未報告");
                }
            }
            // 定住人口 2025: three members have not reported, and only they say so
            assertThat(prefecture.find("#member-35204").getText()).contains("未報告");
            assertThat(prefecture.find("#member-35202").getText()).contains("158,000人").doesNotContain("未報告");
            assertThat(prefecture.find("#kgi-settled-population .status-missing").getText())
                    .contains("一部未報告").contains("萩市").contains("美祢市").contains("津和野町");

            // the chart: 2010 and 2020 solid, 2025 hollow on a dashed segment, with its legend entry
            prefecture.waitUntil(d -> prefecture.find("#chart-settled-population").getAttribute("data-hollow-points") != null);
            WebElement canvas = prefecture.find("#chart-settled-population");
            JsonNode chart = new ObjectMapper().readTree(canvas.getAttribute("data-chart"));
            assertThat(chart.get("labels").toString()).isEqualTo("[\"平成22年\",\"令和2年\",\"令和7年\"]");
            assertThat(chart.get("complete").toString()).isEqualTo("[true,true,false]");
            assertThat(canvas.getAttribute("data-hollow-points")).isEqualTo("[2]");
            assertThat(canvas.getAttribute("data-legend")).contains("未報告の市町あり");
            assertThat(prefecture.script("const chart = window.Chart.getChart(arguments[0]);"
                    + "return chart.data.datasets[0].pointBackgroundColor;", canvas).toString())
                    .isEqualTo("[#1f5fa8, #1f5fa8, #ffffff]");
            String dash = "const segment = window.Chart.getChart(arguments[0]).data.datasets[0].segment;"
                    + "return String(segment.borderDash({p0DataIndex: arguments[1], p1DataIndex: arguments[2]}));";
            assertThat(prefecture.script(dash, canvas, 1, 2)).isEqualTo("6,4");
            assertThat(prefecture.script(dash, canvas, 0, 1)).isEqualTo("undefined");
            assertThat(prefecture.script("return window.Chart.getChart(arguments[0]).data.datasets"
                    + ".map(d => d.label).join('|');", canvas)).isEqualTo("圏域合計|目標値|未報告の市町あり");
            // the table beside it: 令和7年 partial, naming who is missing; 令和2年 complete
            WebElement partial = prefecture.find("#kgi-settled-population table.series tr[data-year='2025']");
            assertThat(partial.getText()).contains("一部未報告").contains("萩市").contains("美祢市").contains("津和野町");
            assertThat(prefecture.find("#kgi-settled-population table.series tr[data-year='2020']").getText())
                    .contains("606,029人").doesNotContain("未報告");
            // 交流人口 has no member figures at all: no hollow point, no missing legend
            assertThat(prefecture.find("#chart-visitor-population").getAttribute("data-legend")).doesNotContain("未報告");

            // the status board: every member with projects, its report state and evaluations
            assertThat(prefecture.find("#status-board").getText()).contains("報告書と効果検証の提出状況")
                    .contains("作成中・提出済・公表済 第n版");
            String mine = prefecture.find("#board-35213").getText();
            assertThat(mine).contains("美祢市").contains("効果検証").containsPattern("(作成中|提出済|公表済 第\\d+版)");
            assertThat(mine).containsPattern("効果検証 [1-9]\\d*/\\d+事業 提出済");
            // the entries column says what it counts
            assertThat(prefecture.find("#members thead abbr[title*='件数']").getText()).isEqualTo("入力の件数");
            // the prefecture may not trace
            assertThat(prefecture.all("a.trace-total, a.trace-member")).isEmpty();

            // the README's docs/screenshots/prefecture-dashboard.png is this one
            prefecture.screenshot("prefecture-dashboard-completeness");
        }
    }

    @Test
    void auditor_followsATotalsTraceLink_toTheEventsBehindIt() {
        try (Browser auditor = new Browser(base)) {
            auditor.signIn("auditor");
            auditor.open("/dashboard");
            WebElement trace = auditor.find("#kgi-settled-population a.trace-total");
            assertThat(trace.getText()).isEqualTo("根拠をたどる");
            assertThat(auditor.all("#member-35202 a.trace-member")).isNotEmpty();
            assertThat(auditor.all("#member-35204 a.trace-member")).isEmpty(); // nothing reported, nothing to trace
            trace.click();
            auditor.waitUntil(d -> d.getCurrentUrl().contains("/audit"));
            assertThat(auditor.find("#traced").getText()).contains("根拠");
            assertThat(auditor.all("#events tbody tr")).isNotEmpty();
        }
    }

    @Test
    void theSecretariat_entersAPartnershipFigureInTheBrowser_andACorrectionWithoutAReasonIsRefusedInJapanese() {
        try (Browser admin = new Browser(base)) {
            admin.signIn("admin");
            admin.find("nav a[href='/plan']").click();
            admin.waitForText("h1", "広域計画の管理");
            assertThat(admin.find("#plan-kgis").getText()).contains("新規雇用創出数").contains("定住人口");

            new Select(admin.find("#plan-figure-kgi")).selectByVisibleText("新規雇用創出数");
            new Select(admin.find("#plan-figure-member")).selectByValue("partnership");
            new Select(admin.find("#plan-figure-year")).selectByValue("2021");
            admin.fill("#plan-figure-value", "470");
            admin.fill("#plan-figure-source", "第2期ビジョン 現状値");
            admin.find("#plan-figure form").submit();
            assertThat(admin.waitForText("#plan-figure .notice", "保存しました")).contains("保存しました");

            // the same year again is a correction: without a reason it is refused beside the field, nothing stored
            new Select(admin.find("#plan-figure-kgi")).selectByVisibleText("新規雇用創出数");
            new Select(admin.find("#plan-figure-member")).selectByValue("partnership");
            new Select(admin.find("#plan-figure-year")).selectByValue("2021");
            admin.fill("#plan-figure-value", "480");
            admin.find("#plan-figure form").submit();
            assertThat(admin.waitForText("#plan-figure-reason-error", "理由")).contains("理由を入力してください");
            assertThat(admin.find("#plan-figure-value").getAttribute("value")).isEqualTo("480");

            admin.open("/dashboard");
            assertThat(admin.waitForText("#kgi-new-jobs .total", "470")).contains("470人");
            admin.screenshot("admin-plan");
        }
    }
}
