package jp.yumekairo.query.report;

import com.fasterxml.jackson.databind.JsonNode;
import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.Services;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static jp.yumekairo.query.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 萩市's 令和5年度 report through review and two publications: a published version stays as it was when a figure
 * is corrected later, the report says it changed since, and the diff names the change with who and why.
 */
class ReportReviewIT {

    private static final String PROJECT = "hagi-review-flow";
    private static final String REPORT = "/api/reports/35204/2023";

    private static Api api;

    @BeforeAll
    static void start() {
        api = Services.shared().api();
    }

    @Test
    void aCorrectionAfterPublishing_leavesVersionOne_opensVersionTwo_andTheDiffNamesItWithItsReason() {
        api.write("hagi", "POST", "/api/projects", object("projectId", PROJECT, "leadMunicipality", "35204",
                "participants", new String[0], "name", "萩・明倫学舎を核とした観光交流促進事業", "summary", "",
                "scope", "SINGLE", "grantProgram", "DIGITAL_GARDEN_CITY_PROMOTION", "department", "観光課",
                "firstFiscalYear", 2022, "lastFiscalYear", 2024));
        api.write("hagi", "POST", "/api/projects/" + PROJECT + "/kpis", object("kpiId", "visitors",
                "name", "明倫学舎の入館者数", "unit", "人", "direction", "HIGHER_IS_BETTER", "measure", "ABSOLUTE",
                "baseline", object("value", 100_000, "fiscalYear", 2021)));
        api.write("hagi", "PUT", "/api/projects/" + PROJECT + "/kpis/visitors/targets/2023",
                object("value", 120_000, "reason", ""));
        api.write("hagi", "PUT", "/api/projects/" + PROJECT + "/kpis/visitors/actuals/2023", object("value", 118_250,
                "status", "CONFIRMED", "source", "令和5年度入館者統計", "note", "", "reason", ""));
        api.write("hagi", "PUT", "/api/projects/" + PROJECT + "/costs/2023",
                object("totalCost", 12_000_000L, "grantAmount", 6_000_000L, "reason", ""));
        long projectVersion = api.write("hagi", "POST", "/api/projects/" + PROJECT + "/evaluations/2023",
                object("effect", "EFFECTIVE", "policy", "CONTINUE", "rationale", "目標に迫る入館者数")).version();
        api.get("prefecture", "/api/projects/" + PROJECT + "?minVersion=" + projectVersion);
        JsonNode draft = api.get("prefecture", REPORT + "?minVersion=0");
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");

        api.write("hagi", "POST", REPORT + "/submission", object());
        JsonNode comment = api.write("reviewer-academia", "POST", REPORT + "/comments", object(
                "text", "入館者数の目標の根拠を示してください。", "projectId", PROJECT, "kpiId", "visitors")).body();
        api.write("hagi", "POST", REPORT + "/comments/" + comment.get("commentId").asText() + "/answer",
                object("text", "令和3年度の実績に2割増を見込みました。"));
        long reportVersion = api.write("hagi", "POST", REPORT + "/publication",
                object("reason", "委員会の確認を経て公表")).version();
        JsonNode published = api.get("prefecture", REPORT + "?minVersion=" + reportVersion);
        assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.get("latestVersion").asInt()).isEqualTo(1);
        assertThat(published.get("changedSinceVersion").isNull()).isTrue();

        long corrected = api.write("hagi", "PUT", "/api/projects/" + PROJECT + "/kpis/visitors/actuals/2023",
                object("value", 121_030, "status", "CONFIRMED", "source", "令和5年度入館者統計", "note", "",
                        "reason", "年度末の団体予約分を集計に追加")).version();
        assertThat(corrected).isEqualTo(projectVersion + 1);
        api.get("prefecture", "/api/projects/" + PROJECT + "?minVersion=" + corrected);
        JsonNode changed = api.get("prefecture", REPORT);
        assertThat(changed.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(changed.get("changedSinceVersion").asInt()).isEqualTo(1);

        api.write("hagi", "POST", REPORT + "/submission", object("reason", "入館者数の確定に伴う再提出"));
        reportVersion = api.write("hagi", "POST", REPORT + "/publication", object("reason", "第2版として公表")).version();
        api.get("prefecture", REPORT + "?minVersion=" + reportVersion);

        JsonNode first = api.get("auditor", REPORT + "/versions/1");
        assertThat(actual(first)).isEqualByComparingTo("118250");
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("comments").get(0).get("sector").asText()).isEqualTo("ACADEMIA");
        assertThat(first.get("comments").get(0).get("answers").get(0).get("text").asText())
                .isEqualTo("令和3年度の実績に2割増を見込みました。");
        assertThat(first.get("totalCost").asLong()).isEqualTo(12_000_000L);
        JsonNode second = api.get("auditor", REPORT + "/versions/2");
        assertThat(actual(second)).isEqualByComparingTo("121030");

        JsonNode diff = api.get("auditor", REPORT + "/diff?from=1&to=2");
        assertThat(diff.get("differences")).hasSize(1);
        JsonNode difference = diff.get("differences").get(0);
        assertThat(difference.get("field").asText()).isEqualTo("projects/" + PROJECT + "/kpis/visitors/2023/actual");
        assertThat(difference.get("label").asText()).isEqualTo("萩・明倫学舎を核とした観光交流促進事業 / 明倫学舎の入館者数 / 令和5年度 / 実績値");
        assertThat(difference.get("from").decimalValue()).isEqualByComparingTo("118250");
        assertThat(difference.get("to").decimalValue()).isEqualByComparingTo("121030");
        assertThat(difference.get("changes")).hasSize(1);
        assertThat(difference.get("changes").get(0).get("reason").asText()).isEqualTo("年度末の団体予約分を集計に追加");
        assertThat(difference.get("changes").get(0).get("userId").asText()).isEqualTo("hagi");

        JsonNode versions = api.get("prefecture", REPORT + "/versions").get("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).get("submissionReason").asText()).isEqualTo("入館者数の確定に伴う再提出");
        assertThat(versions.get(1).get("changeReasons").get(0).asText()).isEqualTo("年度末の団体予約分を集計に追加");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.get("auditor", REPORT + "/versions").get("versions").get(1).path("checkpoint").path("hash").asText())
                .hasSize(64));
        assertThat(api.get("prefecture", REPORT).get("changedSinceVersion").isNull()).isTrue();
        assertThat(api.get("prefecture", REPORT + "/diff?from=2").get("differences")).isEmpty();
    }

    @Test
    void anUnknownVersion_orMember_isAProblem() {
        Api.Response missing = api.read("prefecture", "/api/reports/35204/2019/versions/3");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("code").asText()).isEqualTo("unknown-report-version");
        assertThat(api.read("prefecture", "/api/reports/99999/2023").status()).isEqualTo(404);
        assertThat(api.read("prefecture", "/api/reports/35204/2023/diff").status()).isEqualTo(400);
        assertThat(api.read(null, "/api/reports/35204/2023").status()).isEqualTo(401);
    }

    @Test
    void aYearInWhichTheMemberHasNoProject_hasNoReport_notAnEmptyDraft() {
        // 萩市 leads or takes part in no project whose period covers 令和元年度 or 令和12年度: the page says so, and
        // so do the API's report, its versions, its diff and its printed files
        for (String path : new String[]{"/api/reports/35204/2019", "/api/reports/35204/2030",
                "/api/reports/35204/2019/versions", "/api/reports/35204/2019/diff?from=1",
                "/api/municipalities/35204/reports/2019.pdf", "/api/municipalities/35204/reports/2030.xlsx",
                "/api/municipalities/35204/reports/2019.csv"}) {
            Api.Response answer = api.read("prefecture", path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(path)
                    .startsWith("application/problem+json");
            assertThat(answer.body().get("code").asText()).as(path).isEqualTo("report-year-without-projects");
        }
    }

    @Test
    void thePublishedTexts_andNames_stayAsPublished_whileTheCurrentReportShowsTheirCorrections() {
        String project = "tsuwano-texts";
        String report = "/api/reports/32501/2023";
        api.write("tsuwano", "POST", "/api/projects", object("projectId", project, "leadMunicipality", "32501",
                "participants", new String[0], "name", "津和野町の観光振興事業", "summary", "",
                "scope", "SINGLE", "grantProgram", "DIGITAL_GARDEN_CITY_PROMOTION", "department", "商工観光課",
                "firstFiscalYear", 2023, "lastFiscalYear", 2025));
        api.write("tsuwano", "POST", "/api/projects/" + project + "/kpis", object("kpiId", "visitors",
                "name", "観光客数", "unit", "人", "direction", "HIGHER_IS_BETTER", "measure", "ABSOLUTE"));
        api.write("tsuwano", "PUT", "/api/projects/" + project + "/costs/2023",
                object("totalCost", 8_000_000L, "grantAmount", 4_000_000L, "reason", ""));
        api.write("tsuwano", "PUT", "/api/projects/" + project + "/activities/2023",
                object("activities", "【誘客事業】 ○観光パンフレットを作成した。", "reason", ""));
        api.write("tsuwano", "POST", "/api/projects/" + project + "/evaluations/2023", object("effect", "EFFECTIVE",
                "policy", "CONTINUE", "rationale", "誘客が進んだ", "policyRationale", "引き続き誘客を図るため"));
        api.write("tsuwano", "POST", report + "/submission", object());
        long published = api.write("tsuwano", "POST", report + "/publication", object("reason", "公表")).version();
        api.get("prefecture", report + "?minVersion=" + published);

        api.write("tsuwano", "PUT", "/api/projects/" + project + "/details", object("name", "津和野町観光振興事業",
                "summary", "", "department", "商工観光課", "participants", new String[0], "reason", "名称の訂正"));
        api.write("tsuwano", "PUT", "/api/projects/" + project + "/kpis/visitors/name",
                object("name", "観光客数（延べ）", "reason", "表記の統一"));
        api.write("tsuwano", "PUT", "/api/projects/" + project + "/activities/2023",
                object("activities", "【誘客事業】 ○観光パンフレットと動画を作成した。", "reason", "動画の追記"));
        api.write("tsuwano", "PUT", "/api/projects/" + project + "/evaluations/2023", object("effect", "EFFECTIVE",
                "policy", "CONTINUE", "rationale", "誘客が進んだ", "policyRationale", "周遊の拡大を図るため",
                "reason", "方針の理由の見直し"));
        long corrected = api.write("tsuwano", "PUT", "/api/projects/" + project + "/costs/2023",
                object("totalCost", 8_000_000L, "reason", "交付額の再確認中")).version();
        api.get("prefecture", "/api/projects/" + project + "?minVersion=" + corrected);

        JsonNode first = api.get("prefecture", report + "/versions/1");
        JsonNode firstProject = first.get("projects").get(0);
        assertThat(firstProject.get("name").asText()).isEqualTo("津和野町の観光振興事業");
        assertThat(firstProject.get("kpis").get(0).get("name").asText()).isEqualTo("観光客数");
        assertThat(firstProject.get("activities").asText()).isEqualTo("【誘客事業】 ○観光パンフレットを作成した。");
        assertThat(firstProject.get("evaluation").get("policyRationale").asText()).isEqualTo("引き続き誘客を図るため");
        assertThat(firstProject.get("grantAmount").asLong()).isEqualTo(4_000_000L);
        assertThat(first.get("grantAmount").asLong()).isEqualTo(4_000_000L);
        assertThat(first.get("grantAmountIncomplete").asBoolean()).isFalse();

        JsonNode now = api.get("prefecture", report);
        JsonNode nowProject = now.get("projects").get(0);
        assertThat(now.get("changedSinceVersion").asInt()).isEqualTo(1);
        assertThat(nowProject.get("name").asText()).isEqualTo("津和野町観光振興事業");
        assertThat(nowProject.get("kpis").get(0).get("name").asText()).isEqualTo("観光客数（延べ）");
        assertThat(nowProject.get("activities").asText()).isEqualTo("【誘客事業】 ○観光パンフレットと動画を作成した。");
        assertThat(nowProject.get("evaluation").get("policyRationale").asText()).isEqualTo("周遊の拡大を図るため");
        assertThat(nowProject.get("grantAmount").isNull()).isTrue();
        assertThat(now.get("grantAmount").isNull()).isTrue();
        assertThat(now.get("grantAmountIncomplete").asBoolean()).isTrue();
        assertThat(now.get("totalCost").asLong()).isEqualTo(8_000_000L);

        JsonNode differences = api.get("auditor", report + "/diff?from=1").get("differences");
        java.util.Map<String, String> reasons = new java.util.TreeMap<>();
        differences.forEach(d -> reasons.put(d.get("field").asText().replace("projects/" + project + "/", ""),
                d.get("changes").size() == 1 ? d.get("changes").get(0).get("reason").asText() : "changes: " + d.get("changes")));
        assertThat(reasons).containsEntry("activities", "動画の追記")
                .containsEntry("evaluation/policyRationale", "方針の理由の見直し")
                .containsEntry("grantAmount", "交付額の再確認中")
                .containsEntry("kpis/visitors", "表記の統一")
                .containsEntry("projects/" + project, "名称の訂正");
    }

    private static BigDecimal actual(JsonNode report) {
        for (JsonNode project : report.get("projects")) {
            if (project.get("projectId").asText().equals(PROJECT)) {
                for (JsonNode year : project.get("kpis").get(0).get("years")) {
                    if (year.get("fiscalYear").asInt() == 2023) {
                        return year.get("actual").decimalValue();
                    }
                }
            }
        }
        throw new AssertionError("no 令和5年度 actual of " + PROJECT + " in " + report);
    }
}
