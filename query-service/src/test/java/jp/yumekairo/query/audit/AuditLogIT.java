package jp.yumekairo.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.Services;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static jp.yumekairo.query.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor reads the log: 防府市's project through its corrections, its report under review, and a KGI
 * figure, each event with who, role, member, reason and request id; filtered by member, project, KPI, year, type
 * and time; paged; exported as NDJSON; and traced from the figures of the project view and the dashboard.
 */
class AuditLogIT {

    private static final String PROJECT = "hofu-audit-trail";
    private static final String OTHER = "ube-audit-other";
    private static final String PLAN = "audit-plan";

    private static Api api;
    private static Instant beforeCorrection;
    private static Instant afterCorrection;

    @BeforeAll
    static void start() throws Exception {
        api = Services.shared().api();
        api.write("hofu", "POST", "/api/projects", object("projectId", PROJECT, "leadMunicipality", "35206",
                "participants", new String[0], "name", "防府天満宮周辺にぎわい創出事業", "summary", "", "scope", "SINGLE",
                "grantProgram", "SECOND_GENERATION", "department", "商工観光課", "firstFiscalYear", 2024,
                "lastFiscalYear", 2025));
        api.write("hofu", "POST", "/api/projects/" + PROJECT + "/kpis", object("kpiId", "visitors",
                "name", "観光客数", "unit", "人", "direction", "HIGHER_IS_BETTER", "measure", "ABSOLUTE",
                "baseline", object("value", 1000, "fiscalYear", 2023)));
        api.write("hofu", "POST", "/api/projects/" + PROJECT + "/kpis", object("kpiId", "events",
                "name", "イベント開催数", "unit", "件", "direction", "HIGHER_IS_BETTER", "measure", "ABSOLUTE",
                "baseline", object("value", 2, "fiscalYear", 2023)));
        api.write("hofu", "PUT", "/api/projects/" + PROJECT + "/kpis/visitors/targets/2024", object("value", 1200, "reason", ""));
        api.write("hofu", "PUT", "/api/projects/" + PROJECT + "/kpis/visitors/targets/2025", object("value", 1400, "reason", ""));
        api.write("hofu", "PUT", "/api/projects/" + PROJECT + "/kpis/events/targets/2024", object("value", 4, "reason", ""));
        api.write("hofu", "PUT", "/api/projects/" + PROJECT + "/kpis/visitors/actuals/2024", object("value", 1150,
                "status", "PROVISIONAL", "source", "速報", "note", "", "reason", ""));
        beforeCorrection = Instant.now();
        Thread.sleep(20); // two distinct millisecond timestamps around the correction
        api.write("hofu", "PUT", "/api/projects/" + PROJECT + "/kpis/visitors/actuals/2024", object("value", 1210,
                "status", "CONFIRMED", "source", "確定", "note", "", "reason", "速報値を確定値に更新"));
        Thread.sleep(20);
        afterCorrection = Instant.now();
        api.write("hofu", "PUT", "/api/projects/" + PROJECT + "/costs/2024",
                object("totalCost", 3_000_000L, "grantAmount", 1_500_000L, "reason", ""));
        long version = api.write("hofu", "POST", "/api/projects/" + PROJECT + "/evaluations/2024",
                object("effect", "CONSIDERABLY_EFFECTIVE", "policy", "CONTINUE", "rationale", "")).version();
        api.write("hofu", "POST", "/api/reports/35206/2024/submission", object());
        api.write("reviewer-industry", "POST", "/api/reports/35206/2024/comments", object(
                "text", "観光客数の確定値の出典を示してください。", "projectId", PROJECT, "kpiId", "visitors"));

        api.write("ube", "POST", "/api/projects", object("projectId", OTHER, "leadMunicipality", "35202",
                "participants", new String[0], "name", "宇部の別事業", "summary", "", "scope", "SINGLE",
                "grantProgram", "SECOND_GENERATION", "department", "企画課", "firstFiscalYear", 2024, "lastFiscalYear", 2024));

        api.write("admin", "POST", "/api/plans", object("planId", PLAN, "name", "監査用の計画",
                "members", new String[]{"35203", "35202", "35204", "35206", "35213", "35216", "32501"},
                "firstFiscalYear", 2022, "lastFiscalYear", 2026));
        api.write("admin", "POST", "/api/plans/" + PLAN + "/kgis", object("kgiId", "settled-population",
                "name", "定住人口", "unit", "人", "direction", "HIGHER_IS_BETTER", "aggregation", "SUM",
                "baseline", object("value", 642_361, "year", 2010)));
        api.write("admin", "PUT", "/api/plans/" + PLAN + "/kgis/settled-population/targets/2024",
                object("value", 600_000, "reason", ""));
        api.write("hofu", "PUT", "/api/plans/" + PLAN + "/kgis/settled-population/figures/35206/2024",
                object("value", 113_000, "status", "PROVISIONAL", "source", "推計人口", "reason", ""));
        api.write("hofu", "PUT", "/api/plans/" + PLAN + "/kgis/settled-population/figures/35206/2024",
                object("value", 113_100, "status", "CONFIRMED", "source", "推計人口", "reason", "確定値"));
        api.write("ube", "PUT", "/api/plans/" + PLAN + "/kgis/settled-population/figures/35202/2024",
                object("value", 160_000, "status", "CONFIRMED", "source", "推計人口", "reason", ""));
        api.get("prefecture", "/api/projects/" + PROJECT + "?minVersion=" + version);
    }

    @Test
    void aProjectsEvents_inOrder_withPayloadAndWhoWhyAndWhichRequest() {
        List<JsonNode> events = all("/api/audit/events?project=" + PROJECT);

        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("ProjectRegistered", "KpiDefined",
                "KpiDefined", "TargetRevised", "TargetRevised", "TargetRevised", "ActualRecorded", "ActualRecorded",
                "ProjectCostRecorded", "EvaluationSubmitted");
        assertThat(events).extracting(e -> e.get("sequence").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        JsonNode correction = events.get(7);
        assertThat(correction.get("aggregateId").asText()).isEqualTo(PROJECT);
        assertThat(correction.get("aggregateType").asText()).isEqualTo("Project");
        assertThat(correction.get("eventId").asText()).isNotBlank();
        assertThat(correction.get("payloadType").asText()).isEqualTo("jp.yumekairo.events.project.ActualRecorded");
        assertThat(correction.get("payload").get("actual").get("value").decimalValue()).isEqualByComparingTo("1210");
        assertThat(correction.get("payload").get("status").asText()).isEqualTo("CONFIRMED");
        JsonNode who = correction.get("metaData");
        assertThat(who.get("userId").asText()).isEqualTo("hofu");
        assertThat(who.get("role").asText()).isEqualTo("EDITOR");
        assertThat(who.get("municipality").asText()).isEqualTo("35206");
        assertThat(who.get("reason").asText()).isEqualTo("速報値を確定値に更新");
        assertThat(who.get("requestId").asText()).isNotBlank();
        assertThat(Instant.parse(correction.get("timestamp").asText())).isBetween(beforeCorrection, afterCorrection);
    }

    @Test
    void pagesFollowEachOther_withoutGapOrRepeat_andTheLastHasNoNext() {
        List<Long> paged = new ArrayList<>();
        String next = "-1";
        int pages = 0;
        while (next != null) {
            JsonNode page = api.get("auditor", "/api/audit/events?project=" + PROJECT + "&limit=3&after=" + next);
            page.get("events").forEach(e -> paged.add(e.get("position").asLong()));
            assertThat(page.get("events").size()).isLessThanOrEqualTo(3);
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        }
        List<Long> whole = all("/api/audit/events?project=" + PROJECT).stream().map(e -> e.get("position").asLong()).toList();

        assertThat(pages).isEqualTo(4);
        assertThat(paged).isEqualTo(whole).hasSize(10).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aMembersEvents_includeWhatOthersWroteAboutIt_andNothingOfAnotherMember() {
        List<JsonNode> events = all("/api/audit/events?municipality=35206&limit=1000");

        assertThat(events).extracting(e -> e.get("aggregateId").asText()).contains(PROJECT, "report-35206-2024", PLAN)
                .doesNotContain(OTHER);
        JsonNode comment = events.stream().filter(e -> e.get("type").asText().equals("ReviewCommentAdded")
                && e.get("aggregateId").asText().equals("report-35206-2024")).findFirst().orElseThrow();
        assertThat(comment.get("metaData").get("role").asText()).isEqualTo("REVIEWER");
        assertThat(comment.get("metaData").get("sector").asText()).isEqualTo("INDUSTRY");
        assertThat(events).noneMatch(e -> e.get("type").asText().equals("KgiFigureReported")
                && e.get("payload").get("municipality").asText().equals("35202"));
        assertThat(events).extracting(e -> e.get("position").asLong()).isSorted();
    }

    @Test
    void filtersByKpiFiscalYearTypeAndTime_combine() {
        List<JsonNode> visitors2024 = all("/api/audit/events?project=" + PROJECT + "&kpi=visitors&fiscalYear=2024");
        List<JsonNode> actuals = all("/api/audit/events?project=" + PROJECT + "&type=ActualRecorded,ProjectCostRecorded");
        List<JsonNode> correction = all("/api/audit/events?project=" + PROJECT + "&from=" + encode(beforeCorrection)
                + "&to=" + encode(afterCorrection));

        assertThat(visitors2024).extracting(e -> e.get("type").asText())
                .containsExactly("TargetRevised", "ActualRecorded", "ActualRecorded");
        assertThat(actuals).extracting(e -> e.get("type").asText())
                .containsExactly("ActualRecorded", "ActualRecorded", "ProjectCostRecorded");
        assertThat(correction).hasSize(1);
        assertThat(correction.get(0).get("metaData").get("reason").asText()).isEqualTo("速報値を確定値に更新");
    }

    @Test
    void theProjectViewsFigures_linkToTheEventsThatProducedThem() {
        JsonNode project = api.get("auditor", "/api/projects/" + PROJECT);
        JsonNode visitors2024 = project.get("kpis").get(0).get("years").get(0);
        assertThat(visitors2024.get("fiscalYear").asInt()).isEqualTo(2024);
        String link = visitors2024.get("trace").asText();

        JsonNode trace = api.get("auditor", link);
        JsonNode cost = api.get("auditor", project.get("costs").get(0).get("trace").asText());
        JsonNode evaluation = api.get("auditor", project.get("evaluations").get(0).get("trace").asText());
        JsonNode target = api.get("auditor", "/api/audit/trace?project=" + PROJECT + "&kpi=visitors&fiscalYear=2024&figure=target");

        assertThat(link).isEqualTo("/api/audit/trace?project=" + PROJECT + "&kpi=visitors&fiscalYear=2024");
        assertThat(types(trace)).containsExactly("KpiDefined", "TargetRevised", "ActualRecorded", "ActualRecorded");
        assertThat(trace.get("events").get(3).get("payload").get("actual").get("value").decimalValue())
                .isEqualByComparingTo("1210");
        assertThat(trace.get("events").get(3).get("metaData").get("reason").asText()).isEqualTo("速報値を確定値に更新");
        assertThat(types(target)).containsExactly("KpiDefined", "TargetRevised");
        assertThat(types(cost)).containsExactly("ProjectCostRecorded");
        assertThat(types(evaluation)).containsExactly("KpiDefined", "KpiDefined", "TargetRevised", "TargetRevised",
                "ActualRecorded", "ActualRecorded", "EvaluationSubmitted");
    }

    @Test
    void theDashboardsFigures_linkToTheEventsThatProducedThem() {
        JsonNode kgi = api.get("auditor", "/api/plans/" + PLAN + "/dashboard?year=2024").get("kgis").get(0);
        JsonNode hofu = null;
        for (JsonNode member : kgi.get("members")) {
            if (member.get("municipalityCode").asText().equals("35206")) {
                hofu = member;
            }
        }

        JsonNode figure = api.get("auditor", hofu.get("trace").asText());
        JsonNode total = api.get("auditor", kgi.get("totalTrace").asText());
        JsonNode target = api.get("auditor", kgi.get("targetTrace").asText());

        assertThat(types(figure)).containsExactly("KgiDefined", "KgiFigureReported", "KgiFigureReported");
        assertThat(figure.get("events").get(2).get("payload").get("value").get("value").longValue()).isEqualTo(113_100L);
        assertThat(types(total)).containsExactly("PlanDefined", "KgiDefined", "KgiFigureReported", "KgiFigureReported",
                "KgiFigureReported");
        assertThat(types(target)).containsExactly("KgiDefined", "PlanTargetRevised");
    }

    @Test
    void theExport_isTheSameEvents_oneJsonPerLine() {
        var download = api.download("auditor", "/api/audit/events/export?project=" + PROJECT);
        String[] lines = new String(download.body(), StandardCharsets.UTF_8).split("\n");
        List<JsonNode> paged = all("/api/audit/events?project=" + PROJECT);

        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/x-ndjson");
        assertThat(lines).hasSize(paged.size());
        for (int i = 0; i < lines.length; i++) {
            assertThat(read(lines[i])).isEqualTo(paged.get(i));
        }
    }

    @Test
    void onlyAuditorsAndAdmins_readTheLog_andBadFiltersAreRefusedWithAProblem() {
        for (String path : List.of("/api/audit/events", "/api/audit/events/export",
                "/api/audit/trace?project=" + PROJECT + "&kpi=visitors")) {
            assertThat(api.read(null, path).status()).as(path).isEqualTo(401);
            for (String user : List.of("hofu", "prefecture", "reviewer-industry")) {
                assertThat(api.read(user, path).status()).as(user + " " + path).isEqualTo(403);
            }
        }
        assertThat(api.read("admin", "/api/audit/events?limit=1").status()).isEqualTo(200);

        for (String bad : List.of("limit=0", "limit=1001", "municipality=99999", "from=yesterday", "type=Actual'--",
                "fiscalYear=R6")) {
            Api.Response refused = api.read("auditor", "/api/audit/events?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
            assertThat(refused.body().get("code").asText()).as(bad).isEqualTo("invalid-parameter");
        }
        Api.Response noFigure = api.read("auditor", "/api/audit/trace?project=" + PROJECT + "&figure=cost");
        assertThat(noFigure.status()).isEqualTo(400);
        assertThat(noFigure.body().get("code").asText()).isEqualTo("invalid-trace");
    }

    private static List<JsonNode> all(String path) {
        List<JsonNode> events = new ArrayList<>();
        api.get("auditor", path).get("events").forEach(events::add);
        return events;
    }

    private static List<String> types(JsonNode trace) {
        List<String> types = new ArrayList<>();
        trace.get("events").forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    private static JsonNode read(String line) {
        try {
            return Api.JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
