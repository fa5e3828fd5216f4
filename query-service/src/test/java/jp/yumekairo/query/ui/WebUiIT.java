package jp.yumekairo.query.ui;

import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.Browser;
import jp.yumekairo.query.support.Services;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static jp.yumekairo.query.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI in headless Chromium against both services with the seed documents' demo data: the prefecture's
 * dashboard, an editor's forms and the live update they cause, the history with its reasons, the reviewer's and the
 * auditor's home pages. Screenshots of the four home pages go to target/screenshots.
 */
class WebUiIT {

    private static final String SCRIPT_NAME = "<script>window.injected = true</script>ときわ公園<b>事業</b>";
    private static final String SCRIPT_RATIONALE = "<script>window.injected = true</script>評価の理由";
    private static final String SCRIPT_COMMENT = "<script>window.injected = true</script>休日以外の来園者の把握を";

    private static Services services;
    private static Api api;
    private static String base;

    @BeforeAll
    static void start() {
        services = Services.demo();
        api = services.api();
        base = services.query().baseUrl();
        api.write("ube", "POST", "/api/projects", object("projectId", "ube-tokiwa", "leadMunicipality", "35202",
                "participants", new String[0], "name", "ときわ公園を核とした交流人口拡大事業", "summary", "",
                "scope", "SINGLE", "grantProgram", "SECOND_GENERATION", "department", "観光振興課",
                "firstFiscalYear", 2024, "lastFiscalYear", 2026));
        api.write("ube", "POST", "/api/projects/ube-tokiwa/kpis", object("kpiId", "visitors", "name", "ときわ公園の入園者数",
                "unit", "人", "direction", "HIGHER_IS_BETTER", "measure", "ABSOLUTE",
                "baseline", object("value", 1_000_000, "fiscalYear", 2023)));
        api.write("ube", "PUT", "/api/projects/ube-tokiwa/kpis/visitors/targets/2024",
                object("value", 1_050_000, "reason", ""));
        long tokiwa = api.write("ube", "PUT", "/api/projects/ube-tokiwa/kpis/visitors/targets/2025",
                object("value", 1_080_000, "reason", "")).version();
        api.write("ube", "POST", "/api/projects", object("projectId", "ube-xss", "leadMunicipality", "35202",
                "participants", new String[0], "name", SCRIPT_NAME, "summary", "", "scope", "SINGLE",
                "grantProgram", "SECOND_GENERATION", "department", "企画課", "firstFiscalYear", 2024, "lastFiscalYear", 2025));
        long script = api.write("ube", "POST", "/api/projects/ube-xss/evaluations/2024", object("effect", "EFFECTIVE",
                "policy", "IMPROVE", "rationale", SCRIPT_RATIONALE)).version();
        api.get("ube", "/api/projects/ube-tokiwa?minVersion=" + tokiwa);
        api.get("ube", "/api/projects/ube-xss?minVersion=" + script);
    }

    @Test
    void ube_uploadsAShiftJisCsv_aBadRowStoresNothing_aDryRunShowsTheChange_thenItIsImported() throws Exception {
        Path bad = Files.createTempFile("figures-bad", ".csv");
        Path good = Files.createTempFile("figures", ".csv");
        Files.write(bad, """
                事業ID,KPI ID,年度,目標値,実績値,状態,出典,備考,理由
                ube-tokiwa,visitors,令和7年度,"１，０８０，０００",1033000,速報,入園者集計,,
                ube-tokiwa,visitors,R8,多い,,,,,
                """.getBytes(Charset.forName("windows-31j")));
        Files.write(good, """
                事業ID,KPI ID,年度,目標値,実績値,状態,出典,備考,理由
                ube-tokiwa,visitors,令和8年度,"１，１００，０００",,,,,
                """.getBytes(Charset.forName("windows-31j")));
        long before = services.count("SELECT count(*) FROM domain_event_entry");
        try (Browser ube = new Browser(base)) {
            ube.signIn("ube");
            ube.find("#import-link").click();

            ube.find("#import-file").sendKeys(bad.toString());
            ube.find("#import-form").submit();
            assertThat(ube.waitForText("#import-result", "何も保存していません")).contains("Shift_JIS");
            assertThat(ube.find("#import-errors").getText()).contains("3");
            assertThat(services.count("SELECT count(*) FROM domain_event_entry")).isEqualTo(before);

            ube.find("#import-file").sendKeys(good.toString());
            ube.find("#import-form").submit();
            assertThat(ube.waitForText("#import-result", "保存していません")).contains("試し読み");
            assertThat(ube.find("#import-changes").getText()).contains("ときわ公園の入園者数").contains("令和8年度")
                    .contains("目標値").contains("1,100,000").doesNotContain("ube-tokiwa");
            assertThat(services.count("SELECT count(*) FROM domain_event_entry")).isEqualTo(before);

            ube.find("#import-file").sendKeys(good.toString());
            ube.find("#import-dry-run").click();
            ube.find("#import-form").submit();
            assertThat(ube.waitForText("#import-result", "取り込みました")).contains("取り込みました");
            assertThat(services.count("SELECT count(*) FROM domain_event_entry")).isEqualTo(before + 1);
        }
    }

    @Test
    void prefecture_seesTheSeededTotalsOnTheDashboard_andThePageFetchesNothingFromAnotherHost() {
        try (Browser prefecture = new Browser(base)) {
            prefecture.signIn("prefecture");

            assertThat(prefecture.driver().getCurrentUrl()).endsWith("/dashboard");
            // 圏域合計 of 令和2年国勢調査, seed 004
            assertThat(prefecture.waitForText("#kgi-settled-population .total", "606,029人")).isEqualTo("606,029人");
            assertThat(prefecture.find("#kgi-settled-population .year").getText()).isEqualTo("令和2年");
            assertThat(prefecture.find("#kgi-settled-population .year").getAttribute("title")).isEqualTo("2020");
            assertThat(prefecture.all("#members tbody tr")).hasSize(7);
            assertThat(prefecture.find("#member-32501").getText()).contains("津和野町").contains("6,879人").contains("確定");
            // the KGIs the plan has not defined yet still have their card, saying so
            assertThat(prefecture.text()).contains("交流人口").contains("新規雇用創出数").contains("社会動態");
            prefecture.waitUntil(d -> Boolean.TRUE.equals(prefecture.script(
                    "return !!(window.Chart && Chart.getChart(document.getElementById('chart-settled-population')));")));
            prefecture.screenshot("prefecture-dashboard");

            List<String> requested = prefecture.requestedUrls();
            // data: URLs are the browser's own icons (the date picker's), not requests to any host
            assertThat(requested).isNotEmpty().allSatisfy(url -> assertThat(url).matches(
                    java.util.regex.Pattern.quote(base) + "/.*|data:.*"));
            assertThat(requested).anySatisfy(url -> assertThat(url).contains("/webjars/chart.js/"));
        }
    }

    @Test
    void ube_recordsAnActual_andADashboardOpenInAnotherBrowserUpdatesWithoutReloading() {
        try (Browser prefecture = new Browser(base); Browser ube = new Browser(base)) {
            prefecture.signIn("prefecture");
            String before = prefecture.find("#member-35202 .records").getText();
            prefecture.script("window.notReloaded = true;");

            ube.signIn("ube");
            assertThat(ube.driver().getCurrentUrl()).endsWith("/members/35202");
            MemberYearUiIT.openDetail(ube, "ube-tokiwa");
            ube.find("#actual-ube-tokiwa-visitors summary").click();
            new Select(ube.find("#actual-ube-tokiwa-visitors-fiscalYear")).selectByValue("2025");
            ube.fill("#actual-ube-tokiwa-visitors-value", "1,032,000");
            new Select(ube.find("#actual-ube-tokiwa-visitors-status")).selectByValue("PROVISIONAL");
            ube.fill("#actual-ube-tokiwa-visitors-source", "入園者集計(速報)");
            ube.find("#actual-ube-tokiwa-visitors form").submit();

            assertThat(ube.waitForText(".notice", "保存しました")).contains("保存しました");
            ube.find("#kpi-ube-tokiwa-visitors details.more summary").click();
            String row = ube.find("#kpi-ube-tokiwa-visitors tr[data-fiscal-year='2025']").getText();
            // (1,032,000 − 1,000,000) / (1,080,000 − 1,000,000)
            assertThat(row).contains("令和7年度").contains("1,080,000人").contains("1,032,000人").contains("速報")
                    .contains("未達成").contains("40.0%");

            prefecture.waitUntil(d -> !prefecture.find("#member-35202 .records").getText().equals(before));
            assertThat(prefecture.script("return window.notReloaded === true;")).isEqualTo(true);
            assertThat(prefecture.script("return document.body.dataset.refreshes;")).isNotNull();
        }
    }

    @Test
    void aTargetRevisedWithoutAReason_isRefusedInJapaneseBesideTheField_andWithOne_appearsInTheHistory() {
        try (Browser ube = new Browser(base)) {
            ube.signIn("ube");
            MemberYearUiIT.openDetail(ube, "ube-tokiwa");
            ube.find("#target-ube-tokiwa-visitors summary").click();
            new Select(ube.find("#target-ube-tokiwa-visitors-fiscalYear")).selectByValue("2024");
            ube.fill("#target-ube-tokiwa-visitors-value", "1,060,000");
            ube.find("#target-ube-tokiwa-visitors form").submit();

            assertThat(ube.waitForText("#target-ube-tokiwa-visitors-reason-error", "理由"))
                    .isEqualTo("変更には理由が必要です。理由を入力してください。");
            assertThat(ube.find("#target-ube-tokiwa-visitors-value").getAttribute("value")).isEqualTo("1,060,000");

            ube.fill("#target-ube-tokiwa-visitors-reason", "入園者数の見込みを上方修正");
            ube.find("#target-ube-tokiwa-visitors form").submit();
            ube.waitForText(".notice", "保存しました");
            ube.find("#project-ube-tokiwa .links a").click();

            String revision = ube.waitForText("#history tbody", "入園者数の見込みを上方修正");
            assertThat(ube.find("#history tbody tr").getText()).contains("目標値").contains("ときわ公園の入園者数")
                    .contains("1,050,000人").contains("1,060,000人").contains("ube").contains("入園者数の見込みを上方修正");
            assertThat(revision).contains("令和6年度");
            ube.screenshot("ube-history");

            // one KPI and one year, the year typed as a clerk would: only that KPI's changes of 令和6年度 remain
            ube.open("/projects/ube-tokiwa/history?kpi=visitors&year=R6");
            List<WebElement> rows = ube.all("#history tbody tr");
            assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.getText())
                    .contains("ときわ公園の入園者数").contains("令和6年度"));
            assertThat(new Select(ube.find("#history-kpi")).getFirstSelectedOption().getText()).isEqualTo("ときわ公園の入園者数");
            assertThat(new Select(ube.find("#history-year")).getFirstSelectedOption().getText()).isEqualTo("令和6年度");
            ube.open("/projects/ube-tokiwa/history?year=abc");
            assertThat(ube.find("main").getText()).contains("年度を読み取れません");
        }
    }

    @Test
    void freeTextWithAScriptTag_isShownAsText_andNeverRuns() {
        try (Browser ube = new Browser(base)) {
            ube.signIn("ube");
            ube.open("/members/35202?year=2024");
            MemberYearUiIT.openDetail(ube, "ube-xss");

            assertThat(ube.find("#project-ube-xss h2 > span").getText()).isEqualTo(SCRIPT_NAME);
            assertThat(ube.find("#project-ube-xss .evaluations td.text").getText()).isEqualTo(SCRIPT_RATIONALE);
            assertThat(ube.script("return window.injected === undefined;")).isEqualTo(true);
            ube.screenshot("ube-member");

            // a tablet held upright: the page still fits; wide tables scroll within their own box
            ube.resize(768, 1024);
            ube.waitUntil(d -> ube.fitsWidth());
            ube.open("/dashboard");
            ube.waitUntil(d -> ube.fitsWidth());
            ube.screenshot("tablet-dashboard");
        }
    }

    @Test
    void theFourHomePages_eachRoleLandsOnItsOwn() {
        try (Browser reviewer = new Browser(base); Browser auditor = new Browser(base)) {
            reviewer.signIn("reviewer-academia");
            assertThat(reviewer.driver().getCurrentUrl()).endsWith("/reports");
            assertThat(reviewer.find("h1").getText()).isEqualTo("年次報告書 (効果検証報告)");
            assertThat(reviewer.find(".user").getText()).contains("reviewer-academia").contains("審査委員").contains("学");
            assertThat(reviewer.all("a[href='/audit']")).isEmpty();
            assertThat(reviewer.find("#report-35213-2024 td").getText()).isEqualTo("公表済 第1版");
            assertThat(reviewer.find("#report-35213-2024 .comments").getText()).isEqualTo("1件");
            reviewer.screenshot("reviewer-reports");

            auditor.signIn("auditor");
            assertThat(auditor.driver().getCurrentUrl()).endsWith("/audit");
            auditor.screenshot("auditor-audit");
        }
    }

    @Test
    void ube_submitsTheReport_theReviewerComments_ubeAnswersAndPublishes_andTheVersionIsListed() {
        try (Browser ube = new Browser(base); Browser reviewer = new Browser(base)) {
            ube.signIn("ube");
            ube.open("/reports/35202/2024");
            ube.find("#submission button").click();
            assertThat(ube.waitForText("#report-state", "審査中")).isEqualTo("審査中 (提出済み)");

            // the reviewer finds it from the home page, among the reports awaiting review
            reviewer.signIn("reviewer-academia");
            assertThat(reviewer.find("#submitted-35202-2024").getText()).contains("宇部市").contains("提出済");
            reviewer.find("#submitted-35202-2024 a").click();
            reviewer.waitUntil(d -> d.getCurrentUrl().contains("/reports/35202/2024"));
            new Select(reviewer.find("#comment-target")).selectByVisibleText("KPI: ときわ公園の入園者数");
            reviewer.fill("#comment-text", SCRIPT_COMMENT);
            reviewer.find("#comment button").click();
            reviewer.waitForText(".notice", "保存しました");
            assertThat(reviewer.find("#sector-ACADEMIA h3").getText()).isEqualTo("学 (大学等)");
            assertThat(reviewer.find("#sector-ACADEMIA .comment-text").getText()).isEqualTo(SCRIPT_COMMENT);
            assertThat(reviewer.find("#sector-ACADEMIA .comment-target").getText())
                    .isEqualTo("対象: ときわ公園を核とした交流人口拡大事業 / ときわ公園の入園者数");
            assertThat(reviewer.script("return window.injected === undefined;")).isEqualTo(true);
            // reviewers comment; they neither submit, publish nor answer
            assertThat(reviewer.all("#submission, #publication, form[id^='answer-']")).isEmpty();

            ube.open("/reports/35202/2024");
            ube.fill("#sector-ACADEMIA textarea", "来年度は平日の集客策を追加します。");
            ube.find("#sector-ACADEMIA form button").click();
            assertThat(ube.waitForText("#sector-ACADEMIA .answers", "平日の集客策")).contains("ube");
            ube.fill("#publication-reason", "審査委員の意見を踏まえて公表");
            ube.find("#publication button").click();
            assertThat(ube.waitForText("#report-state", "公表済み")).isEqualTo("公表済み");
            assertThat(ube.find("#versions .versions").getText()).contains("第1版").contains("審査委員の意見を踏まえて公表");
            ube.screenshot("ube-report");

            // after publication: a provisional actual and a changed policy; 版の違い says them in words and units
            long actual = api.write("ube", "PUT", "/api/projects/ube-tokiwa/kpis/visitors/actuals/2024",
                    object("value", 1_048_000, "status", "PROVISIONAL", "source", "入園者集計(速報)")).version();
            long policy = api.write("ube", "PUT", "/api/projects/ube-xss/evaluations/2024", object("effect", "EFFECTIVE",
                    "policy", "EXPAND", "rationale", SCRIPT_RATIONALE, "reason", "審査委員の意見を反映")).version();
            api.get("ube", "/api/projects/ube-tokiwa?minVersion=" + actual);
            api.get("ube", "/api/projects/ube-xss?minVersion=" + policy);
            reviewer.open("/reports/35202/2024?from=1");
            String diff = reviewer.find("#diff").getText();
            assertThat(diff).contains("ときわ公園の入園者数 / 令和6年度 / 実績値").contains("1,048,000人")
                    .contains("実績の状態").contains("速報").contains("今後の方針").contains("改善").contains("発展")
                    .doesNotContain("PROVISIONAL").doesNotContain("IMPROVE").doesNotContain("EXPAND");
        }
    }

    @Test
    void theAuditor_verifiesTheLog_seesIntact_andTracesAFigureToItsEvents() {
        try (Browser auditor = new Browser(base)) {
            auditor.signIn("auditor");
            auditor.find("#verify-button").click();

            assertThat(auditor.waitForText("#verification", "改ざんなし")).contains("改ざんなし (intact)");

            // the KPI chosen by its name, which names its project too
            new org.openqa.selenium.support.ui.Select(auditor.find("#filter-kpi"))
                    .selectByValue("ube-tokiwa/visitors");
            new org.openqa.selenium.support.ui.Select(auditor.find("#filter-fiscalYear"))
                    .selectByVisibleText("令和6年度 (2024)");
            auditor.find("#log form button").click();
            String events = auditor.waitForText("#events tbody", "ube-tokiwa");
            assertThat(events).contains("ube (編集者・宇部市)").doesNotContain("EDITOR");
            assertThat(auditor.all("#events tbody tr")).isNotEmpty()
                    .allSatisfy(row -> assertThat(row.getText()).contains("ときわ公園の入園者数").contains("令和6年度"));
            assertThat(new org.openqa.selenium.support.ui.Select(auditor.find("#filter-kpi")).getFirstSelectedOption()
                    .getText()).startsWith("ときわ公園の入園者数");
        }
    }

    @Test
    void theAuditor_startsARebuild_andWatchesItFinishEqualToTheLiveViews() {
        try (Browser auditor = new Browser(base)) {
            auditor.signIn("auditor");
            auditor.find("#rebuild-button").click();

            auditor.waitForText("#rebuild-verdict", "現在のビューと一致");
            assertThat(auditor.find("#rebuild-state").getText()).isEqualTo("完了");
            assertThat(auditor.find("#rebuild-replayed").getText()).isEqualTo(auditor.find("#rebuild-total").getText());
        }
    }

    @Test
    void aPastMoment_isClearlyMarked_andTheEnglishSwitchTranslatesThePage() {
        try (Browser prefecture = new Browser(base)) {
            prefecture.signIn("prefecture");
            // a word is not a moment: said so, and the field keeps it for correcting
            prefecture.fill("#as-of-input", "yesterday");
            prefecture.find("form.as-of button[type=submit]").click();
            assertThat(prefecture.waitForText(".error-banner", "時点を読み取れません")).contains("令和6年9月30日");
            assertThat(prefecture.find("#as-of-input").getAttribute("value")).isEqualTo("yesterday");
            assertThat(prefecture.find("#as-of-input").getAttribute("aria-invalid")).isEqualTo("true");

            // the calendar writes its day in 和暦, keeping the time typed after it
            prefecture.fill("#as-of-input", "09:00");
            prefecture.script("const c = document.getElementById('as-of-calendar'); c.value = '2001-04-01';"
                    + "c.dispatchEvent(new Event('change', {bubbles: true}));");
            assertThat(prefecture.find("#as-of-input").getAttribute("value")).isEqualTo("平成13年4月1日 09:00");
            prefecture.find("form.as-of button[type=submit]").click();

            assertThat(prefecture.waitForText(".past-banner", "過去の時点")).contains("平成13年4月1日 09:00:00");
            assertThat(prefecture.find("#as-of-input").getAttribute("value")).isEqualTo("平成13年4月1日 09:00:00");
            assertThat(prefecture.text()).contains("広域計画はまだ登録されていません");

            prefecture.find("a.lang").click();
            assertThat(prefecture.waitForText("h1", "Partnership dashboard")).isEqualTo("Partnership dashboard");
            assertThat(prefecture.find(".past-banner").getText()).contains("Past moment");
            prefecture.find(".as-of a").click();
            assertThat(prefecture.waitForText("#kgi-settled-population .total", "606,029")).isEqualTo("606,029人");
            assertThat(prefecture.all(".past-banner")).isEmpty();
            prefecture.driver().findElement(By.cssSelector("a.lang")).click();
            prefecture.waitForText("h1", "圏域ダッシュボード");
        }
    }
}
