package jp.yumekairo.command.report;

import jp.yumekairo.command.support.Api.Response;
import jp.yumekairo.command.support.CommandServiceIT;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 山陽小野田市's 令和3年度 report through the review flow over HTTP, and who may do what in it: a refused
 * step answers a problem and stores nothing.
 */
class ReportApiIT extends CommandServiceIT {

    private static final String REPORT = "/api/reports/35216/2021";
    private static final String ACTUAL = """
            {"value": %d, "status": "CONFIRMED", "source": "令和3年度実績", "note": "", "reason": "%s"}""";

    @Test
    void theReviewFlow_isStoredAsEvents_withTheirNumbers() {
        registerGlassProject("glass-flow");
        Response submitted = expectStatus(api.post("sanyo-onoda", REPORT + "/submission", null), 200);
        assertThat(submitted.json().get("reportId").asText()).isEqualTo("report-35216-2021");

        Response commented = expectStatus(api.post("reviewer-academia", REPORT + "/comments", """
                {"text": "販売額の目標の根拠を示してください。", "projectId": "glass-flow", "kpiId": "glass-sales"}"""), 200);
        assertThat(commented.json().get("commentId").asText()).isEqualTo("c1");
        expectStatus(api.post("sanyo-onoda", REPORT + "/comments/c1/answer",
                "{\"text\": \"令和元年度の販売実績を基準にしています。\"}"), 200);

        Response published = expectStatus(api.post("sanyo-onoda", REPORT + "/publication",
                "{\"reason\": \"委員会の確認を経て公表\"}"), 200);
        assertThat(published.json().get("publishedVersion").asInt()).isEqualTo(1);
        assertThat(published.header("ETag")).isEqualTo("\"4\"");

        Response resubmittedWithoutReason = api.post("sanyo-onoda", REPORT + "/submission", "{}");
        assertThat(resubmittedWithoutReason.status()).isEqualTo(409);
        assertThat(resubmittedWithoutReason.json().get("code").asText()).isEqualTo("reason-required");
        expectStatus(api.post("sanyo-onoda", REPORT + "/submission", "{\"reason\": \"販売額を確定値に訂正\"}"), 200);
        assertThat(expectStatus(api.post("sanyo-onoda", REPORT + "/publication", null), 200)
                .json().get("publishedVersion").asInt()).isEqualTo(2);

        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT payload_type, convert_from(meta_data, 'UTF8') AS meta FROM domain_event_entry
                WHERE aggregate_identifier = 'report-35216-2021' ORDER BY sequence_number""");
        assertThat(rows).extracting(row -> row.get("payload_type").toString().replaceAll(".*\\.", ""))
                .containsExactly("ReportSubmitted", "ReviewCommentAdded", "ReviewCommentAnswered", "ReportPublished",
                        "ReportSubmitted", "ReportPublished");
        assertThat(rows.get(1).get("meta").toString()).contains("\"sector\":\"ACADEMIA\"");
        assertThat(rows.get(4).get("meta").toString()).contains("販売額を確定値に訂正");
    }

    @Test
    void aReviewer_cannotPublish_editFigures_orCommentUnderAnotherSector() {
        registerGlassProject("glass-reviewer");
        expectStatus(api.post("sanyo-onoda", REPORT.replace("2021", "2022") + "/submission", null), 200);
        long before = eventCount();

        assertRefused(api.post("reviewer-academia", REPORT.replace("2021", "2022") + "/publication", null), 403);
        assertRefused(api.put("reviewer-academia", "/api/projects/glass-reviewer/kpis/glass-sales/actuals/2022",
                ACTUAL.formatted(200_000, "")), 403);
        assertRefused(api.post("reviewer-academia", REPORT.replace("2021", "2022") + "/comments",
                "{\"text\": \"金融機関の立場から\", \"sector\": \"FINANCE\"}"), 403);

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anEditor_cannotComment_andAnotherMember_cannotSubmitOrPublish() {
        registerGlassProject("glass-editor");
        String report = REPORT.replace("2021", "2020");
        assertRefused(api.post("ube", report + "/submission", null), 403);
        expectStatus(api.post("sanyo-onoda", report + "/submission", null), 200);
        long before = eventCount();

        assertRefused(api.post("sanyo-onoda", report + "/comments", "{\"text\": \"自己評価\"}"), 403);
        assertRefused(api.post("ube", report + "/publication", null), 403);
        assertRefused(api.post("admin", report + "/publication", null), 403);
        assertRefused(api.post("auditor", report + "/comments", "{\"text\": \"監査所見\"}"), 403);
        assertRefused(api.post(null, report + "/publication", null), 401);

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void stepsOutOfOrder_andBadInput_areRefused_andStoreNothing() {
        // 2019 is a report year only because a project covers it (the report-year rule)
        expectStatus(api.post("sanyo-onoda", "/api/projects", SANYO_ONODA_GLASS.formatted("glass-2019")
                .replace("\"firstFiscalYear\": 2020, \"lastFiscalYear\": 2022", "\"firstFiscalYear\": 2019, \"lastFiscalYear\": 2019")), 201);
        long before = eventCount();
        Response unknown = api.post("sanyo-onoda", "/api/reports/35216/2019/publication", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        expectStatus(api.post("sanyo-onoda", "/api/reports/35216/2019/submission", null), 200);
        long submitted = eventCount();
        assertThat(submitted).isEqualTo(before + 1);

        Response twice = api.post("sanyo-onoda", "/api/reports/35216/2019/submission", null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asText()).isEqualTo("report-already-submitted");
        assertThat(api.post("sanyo-onoda", "/api/reports/35216/2019/comments/c7/answer", "{\"text\": \"回答\"}")
                .json().get("code").asText()).isEqualTo("unknown-comment");
        assertThat(api.post("reviewer-academia", "/api/reports/35216/2019/comments", "{\"text\": \" \"}").status())
                .isEqualTo(400);
        assertThat(api.post("reviewer-academia", "/api/reports/35216/2019/comments",
                "{\"text\": \"KPIだけ\", \"kpiId\": \"glass-sales\"}").status()).isEqualTo(400);
        assertThat(api.post("sanyo-onoda", "/api/reports/99999/2019/submission", null).json().get("code").asText())
                .isEqualTo("not-a-member");
        assertThat(api.post("sanyo-onoda", "/api/reports/35216/1800/submission", null).status()).isEqualTo(400);

        assertThat(eventCount()).isEqualTo(submitted);
    }

    private static void assertRefused(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aYearNoneOfTheMembersProjectsCovers_hasNoReport() {
        registerGlassProject("glass-years");
        long before = eventCount();

        for (String year : new String[]{"2018", "2030"}) {
            Response submission = api.post("sanyo-onoda", "/api/reports/35216/" + year + "/submission", null);
            assertThat(submission.status()).as(submission.toString()).isEqualTo(409);
            assertThat(submission.json().get("code").asText()).isEqualTo("report-year-without-projects");
            assertThat(api.post("sanyo-onoda", "/api/reports/35216/" + year + "/publication", null)
                    .json().get("code").asText()).isEqualTo("report-year-without-projects");
            assertThat(api.post("reviewer-academia", "/api/reports/35216/" + year + "/comments", "{\"text\": \"x\"}")
                    .json().get("code").asText()).isEqualTo("report-year-without-projects");
        }
        // 宇部市 leads nothing in this database's 2021
        assertThat(api.post("ube", "/api/reports/35202/2021/submission", null).json().get("code").asText())
                .isEqualTo("report-year-without-projects");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aComment_namesOnlyAProjectOfTheMember_andAKpiOfThatProject() {
        registerGlassProject("glass-comments");
        expectStatus(api.post("yamaguchi", "/api/projects", SANYO_ONODA_GLASS.formatted("yamaguchi-glass")
                .replace("\"35216\"", "\"35203\"")), 201);
        String report = REPORT.replace("2021", "2020");
        api.post("sanyo-onoda", report + "/submission", null);
        long before = eventCount();

        Response foreign = api.post("reviewer-academia", report + "/comments",
                "{\"text\": \"他市の事業\", \"projectId\": \"yamaguchi-glass\"}");
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(409);
        assertThat(foreign.json().get("code").asText()).isEqualTo("comment-project-not-in-report");
        Response noKpi = api.post("reviewer-academia", report + "/comments",
                "{\"text\": \"ないKPI\", \"projectId\": \"glass-comments\", \"kpiId\": \"no-such-kpi\"}");
        assertThat(noKpi.status()).as(noKpi.toString()).isEqualTo(409);
        assertThat(noKpi.json().get("code").asText()).isEqualTo("comment-kpi-not-in-project");
        assertThat(eventCount()).isEqualTo(before);

        expectStatus(api.post("reviewer-academia", report + "/comments",
                "{\"text\": \"販売額の根拠は?\", \"projectId\": \"glass-comments\", \"kpiId\": \"glass-sales\"}"), 200);
    }
}
