package jp.yumekairo.query.project;

import com.fasterxml.jackson.databind.JsonNode;
import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.Seeds;
import jp.yumekairo.query.support.Services;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static jp.yumekairo.query.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

/** The members' project views, driven over HTTP against both services on a fresh database. */
class ProjectViewsIT {

    private static Services services;
    private static Api api;
    private static Seeds seeds;

    @BeforeAll
    static void start() {
        services = Services.shared();
        api = services.api();
        seeds = new Seeds(api);
    }

    @Test
    void mineTourismProject_allThreeKpisReached_suggestsVeryEffective_besideTheSubmittedRating() {
        long version = seeds.mineTourismProject("mine-tourism");

        JsonNode project = api.get("prefecture", "/api/projects/mine-tourism?minVersion=" + version);

        assertThat(project.get("leadMunicipality").asText()).isEqualTo("35213");
        assertThat(project.get("kpis")).hasSize(3);
        JsonNode mice = year(project, "mice", 2024);
        assertThat(mice.get("target").decimalValue()).isEqualByComparingTo("82");
        assertThat(mice.get("actual").decimalValue()).isEqualByComparingTo("167");
        assertThat(mice.get("reached").asBoolean()).isTrue();
        assertThat(mice.get("progress").decimalValue()).isEqualByComparingTo("2.0366");
        JsonNode evaluation = evaluation(project, 2024);
        assertThat(evaluation.get("effect").asText()).isEqualTo("VERY_EFFECTIVE");
        assertThat(evaluation.get("suggestedEffect").asText()).isEqualTo("VERY_EFFECTIVE");
        assertThat(evaluation.get("suggestionReason").asText()).isEqualTo("3 of 3 KPIs reached; 0 improved on their baseline");
        assertThat(evaluation.get("differsFromSuggestion").asBoolean()).isFalse();
        assertThat(evaluation.get("policy").asText()).isEqualTo("CONTINUE");
        assertThat(project.get("costs").get(0).get("totalCost").asLong()).isEqualTo(40_404_482L);
        assertThat(project.get("costs").get(0).get("grantAmount").asLong()).isEqualTo(20_202_241L);
        assertThat(project.get("version").asLong()).isEqualTo(version);
    }

    @Test
    void mineHealthProject_oneOfFourKpisMissed_suggestsConsiderablyEffective() {
        long version = seeds.mineHealthProject("mine-health");

        JsonNode project = api.get("reviewer-academia", "/api/projects/mine-health?minVersion=" + version);

        JsonNode checkups = year(project, "checkups", 2024);
        assertThat(checkups.get("reached").asBoolean()).isFalse();
        // (38.3 − 36.0) / (55.0 − 36.0)
        assertThat(checkups.get("progress").decimalValue()).isEqualByComparingTo("0.1211");
        JsonNode evaluation = evaluation(project, 2024);
        assertThat(evaluation.get("suggestedEffect").asText()).isEqualTo("CONSIDERABLY_EFFECTIVE");
        assertThat(evaluation.get("suggestedEffectJa").asText()).isEqualTo("地方創生に相当程度効果があった");
        assertThat(evaluation.get("effect").asText()).isEqualTo("CONSIDERABLY_EFFECTIVE");
        assertThat(evaluation.get("suggestionReason").asText()).isEqualTo("3 of 4 KPIs reached; 1 improved on its baseline");
        assertThat(evaluation.get("shortfallReasons").get("checkups").asText()).isEqualTo("受診しやすい環境づくりが途上");
        // a year with neither an evaluation nor figures is not listed
        assertThat(project.get("evaluations")).hasSize(1);
    }

    @Test
    void aMembersList_showsItsLedAndWideAreaProjects_withCounts() {
        seeds.mineTourismProject("mine-tourism-2");
        long version = seeds.mineHealthProject("mine-health-2");
        api.get("prefecture", "/api/projects/mine-health-2?minVersion=" + version);

        JsonNode members = api.get("prefecture", "/api/municipalities").get("municipalities");
        JsonNode mine = member(members, "35213");
        JsonNode ube = member(members, "35202");

        assertThat(members).hasSize(7);
        assertThat(mine.get("name").asText()).isEqualTo("美祢市");
        assertThat(mine.get("leadProjectCount").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(ube.get("participatingProjectCount").asLong()).isGreaterThanOrEqualTo(1);
        List<String> ubeProjects = ids(api.get("ube", "/api/municipalities/35202/projects").get("projects"));
        assertThat(ubeProjects).contains("mine-tourism-2").doesNotContain("mine-health-2");
        assertThat(api.read("ube", "/api/municipalities/99999/projects").body().get("code").asText())
                .isEqualTo("not-a-member");
    }

    @Test
    void history_showsEachRevision_withOldAndNewValue_who_whichMember_andWhy() {
        seeds.mineHealthProject("mine-health-history");
        long version = correctCheckups("mine-health-history", "39.1", "確定値に更新");

        JsonNode revisions = api.get("auditor", "/api/projects/mine-health-history/history?minVersion=" + version)
                .get("revisions");

        JsonNode correction = revisions.get(revisions.size() - 1);
        assertThat(correction.get("kind").asText()).isEqualTo("ACTUAL");
        assertThat(correction.get("kpiId").asText()).isEqualTo("checkups");
        assertThat(correction.get("fiscalYearJa").asText()).isEqualTo("令和6年度");
        assertThat(correction.get("oldValue").get("actual").decimalValue()).isEqualByComparingTo("38.3");
        assertThat(correction.get("oldValue").get("status").asText()).isEqualTo("PROVISIONAL");
        assertThat(correction.get("newValue").get("actual").decimalValue()).isEqualByComparingTo("39.1");
        assertThat(correction.get("userId").asText()).isEqualTo("mine");
        assertThat(correction.get("municipality").asText()).isEqualTo("35213");
        assertThat(correction.get("municipalityName").asText()).isEqualTo("美祢市");
        assertThat(correction.get("reason").asText()).isEqualTo("確定値に更新");
        assertThat(correction.get("version").asLong()).isEqualTo(version);
        assertThat(correction.get("requestId").asText()).isNotBlank();
        // the first figure of each kind has no old value
        JsonNode firstTarget = StreamSupport.stream(revisions.spliterator(), false)
                .filter(r -> r.get("kind").asText().equals("TARGET")).findFirst().orElseThrow();
        assertThat(firstTarget.get("oldValue").isNull()).isTrue();
    }

    @Test
    void asOf_aMomentBetweenAFigureAndItsCorrection_showsTheFigureBeforeTheCorrection() {
        seeds.mineHealthProject("mine-health-asof");
        long version = correctCheckups("mine-health-asof", "40.2", "速報値を確定値に更新");
        JsonNode revisions = api.get("auditor", "/api/projects/mine-health-asof/history?minVersion=" + version)
                .get("revisions");
        String correctedAt = revisions.get(revisions.size() - 1).get("recordedAt").asText();
        String before = revisions.get(revisions.size() - 2).get("recordedAt").asText();

        JsonNode then = api.get("auditor", "/api/projects/mine-health-asof?asOf=" + encode(before));
        JsonNode now = api.get("auditor", "/api/projects/mine-health-asof");
        JsonNode atCorrection = api.get("auditor", "/api/projects/mine-health-asof?asOf=" + encode(correctedAt));

        assertThat(before.compareTo(correctedAt)).isNegative();
        assertThat(year(then, "checkups", 2024).get("actual").decimalValue()).isEqualByComparingTo("38.3");
        assertThat(year(then, "checkups", 2024).get("status").asText()).isEqualTo("PROVISIONAL");
        assertThat(then.get("version").asLong()).isEqualTo(version - 1);
        assertThat(year(now, "checkups", 2024).get("actual").decimalValue()).isEqualByComparingTo("40.2");
        assertThat(year(atCorrection, "checkups", 2024).get("actual").decimalValue()).isEqualByComparingTo("40.2");
        assertThat(api.read("auditor", "/api/projects/mine-health-asof?asOf=2020-01-01").status()).isEqualTo(404);
    }

    @Test
    void aReadWithMinVersion_alwaysSeesTheWriteJustMade() {
        seeds.mineHealthProject("mine-health-ryw");
        List<String> seen = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            String value = "38." + i;
            long version = api.write("mine", "PUT", "/api/projects/mine-health-ryw/kpis/walk/actuals/2024",
                    object("value", new BigDecimal(value), "status", "PROVISIONAL", "source", "", "note", "",
                            "reason", "集計の更新 " + i)).version();
            JsonNode project = api.get("mine", "/api/projects/mine-health-ryw?minVersion=" + version);
            seen.add(year(project, "walk", 2024).get("actual").decimalValue().toPlainString());
            assertThat(project.get("version").asLong()).isGreaterThanOrEqualTo(version);
        }
        List<String> written = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            written.add(new BigDecimal("38." + i).stripTrailingZeros().toPlainString());
        }
        assertThat(seen.stream().map(v -> new BigDecimal(v).stripTrailingZeros().toPlainString()).toList())
                .isEqualTo(written);
    }

    @Test
    void badReads_getProblemDetails() {
        Api.Response noToken = api.read(null, "/api/municipalities");
        Api.Response badAsOf = api.read("auditor", "/api/municipalities?asOf=yesterday");
        Api.Response unknown = api.read("auditor", "/api/projects/no-such-project");
        Api.Response badVersion = api.read("auditor", "/api/projects/no-such-project?minVersion=abc");
        Api.Response notYet = api.read("auditor", "/api/projects/no-such-project?minVersion=1");
        Api.Response forbidden = api.post("hagi", "/api/audit/rebuild");

        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.body().get("code").asText()).isEqualTo("invalid-token");
        assertThat(badAsOf.status()).isEqualTo(400);
        assertThat(badAsOf.body().get("code").asText()).isEqualTo("invalid-as-of");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("code").asText()).isEqualTo("unknown-project");
        assertThat(badVersion.status()).isEqualTo(400);
        assertThat(notYet.status()).isEqualTo(503);
        assertThat(notYet.body().get("code").asText()).isEqualTo("view-not-caught-up");
        assertThat(notYet.headers().firstValue("Retry-After")).contains("1");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body().get("code").asText()).isEqualTo("not-permitted");
    }

    @Test
    void health_showsEachProcessorsPositionAndLag_toAuditors_andOnlyTheStatusToOthers() {
        long version = seeds.mineHealthProject("mine-health-lag");
        api.get("auditor", "/api/projects/mine-health-lag?minVersion=" + version);

        Awaitility.await("the processors to reach the head of the log").atMost(Duration.ofSeconds(30))
                .until(() -> api.read("auditor", "/actuator/health").body().path("components")
                        .path("eventProcessors").path("details").path("project-views").path("lag").asLong(-1) == 0);
        JsonNode processors = api.read("auditor", "/actuator/health").body().get("components").get("eventProcessors");
        JsonNode anonymous = api.read(null, "/actuator/health").body();

        assertThat(processors.get("status").asText()).isEqualTo("UP");
        JsonNode projectViews = processors.get("details").get("project-views");
        assertThat(projectViews.get("segments")).hasSize(4);
        assertThat(projectViews.get("position").asLong()).isEqualTo(projectViews.get("head").asLong());
        assertThat(projectViews.get("segments").get(0).get("owner").asText()).isNotBlank();
        assertThat(processors.get("details").get("plan-views").get("segments")).hasSize(2);
        assertThat(anonymous.get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
    }

    @Test
    void theApiDescription_listsEveryView_andIsOpenWithoutSigningIn() {
        JsonNode description = api.read(null, "/v3/api-docs").body();

        assertThat(description.get("info").get("title").asText()).contains("query service");
        assertThat(description.get("paths").has("/api/plans/{planId}/dashboard")).isTrue();
        assertThat(description.get("paths").has("/api/projects/{projectId}/history")).isTrue();
        assertThat(description.get("paths").has("/api/audit/rebuild")).isTrue();
        // views answered as the JSON they were written to once are described as the views themselves
        assertThat(description.get("paths").get("/api/municipalities/{code}/projects").toString())
                .contains("MemberProjects").doesNotContain("Kept");
        assertThat(description.get("paths").get("/api/projects/{projectId}").toString())
                .contains("ProjectView").doesNotContain("Kept");
        assertThat(description.get("paths").get("/api/plans/{planId}/dashboard").toString())
                .contains("Dashboard").doesNotContain("Kept");
    }

    @Test
    void aKpiWhoseReportGivesNoBaseline_isShownWithoutOne_andMeasuredAgainstItsTarget() {
        api.write("mine", "POST", "/api/projects", object("projectId", "mine-mineto", "leadMunicipality", "35213",
                "participants", new String[0], "name", "みね探求塾「挑戦のトビラ」展開による未来創生プロジェクト",
                "summary", "", "scope", "SINGLE", "grantProgram", "DIGITAL_GARDEN_CITY_PROMOTION",
                "department", "学校教育課", "firstFiscalYear", 2021, "lastFiscalYear", 2025));
        api.write("mine", "POST", "/api/projects/mine-mineto/kpis", object("kpiId", "students", "name", "受講者数",
                "unit", "人", "direction", "HIGHER_IS_BETTER", "measure", "ABSOLUTE"));
        api.write("mine", "PUT", "/api/projects/mine-mineto/kpis/students/targets/2024", object("value", 60, "reason", ""));
        long version = api.write("mine", "PUT", "/api/projects/mine-mineto/kpis/students/actuals/2024",
                object("value", 43, "status", "CONFIRMED", "source", "令和6年度効果検証", "note", "", "reason", "")).version();

        JsonNode project = api.get("mine", "/api/projects/mine-mineto?minVersion=" + version);

        JsonNode kpi = project.get("kpis").get(0);
        assertThat(kpi.get("baseline").isNull()).isTrue();
        assertThat(kpi.get("baselineFiscalYear").isNull()).isTrue();
        assertThat(year(project, "students", 2024).get("progress").decimalValue()).isEqualByComparingTo("0.7167");
        assertThat(evaluation(project, 2024).get("suggestedEffect").asText()).isEqualTo("NOT_EFFECTIVE");
    }

    @Test
    void activities_anUnknownGrant_thePolicysReason_andCorrectedNames_areShown_asOfTheirInstant() throws Exception {
        long seeded = seeds.mineTourismProject("mine-tourism-texts");
        api.get("mine", "/api/projects/mine-tourism-texts?minVersion=" + seeded);
        Thread.sleep(20);
        String before = java.time.Instant.now().toString();
        Thread.sleep(20);
        String project = "/api/projects/mine-tourism-texts";
        api.write("mine", "PUT", project + "/activities/2024", object("activities",
                "【ジオパーク説明看板設置及び拠点施設改修事業】\n○ジオパークサイトの説明看板を設置した。", "reason", ""));
        api.write("mine", "PUT", project + "/costs/2024", object("totalCost", 40_404_482L, "reason", "交付額の確定待ち"));
        api.write("mine", "PUT", project + "/evaluations/2024", object("effect", "VERY_EFFECTIVE", "policy", "CONTINUE",
                "rationale", "7市町において広域的な取組を実施することで、周遊促進に繋がった。",
                "policyRationale", "市町相互の周遊や交流人口の拡大に繋がる効果的な事業が実施できている。",
                "reason", "今後の方針の理由を追記"));
        api.write("mine", "PUT", project + "/kpis/mice/name", object("name", "MICE誘致件数（件）", "reason", "表記の統一"));
        long version = api.write("mine", "PUT", project + "/details", object("name",
                "「山口ゆめ回廊」観光を基軸とした交流価値共創プロジェクト ～観光交流から移住・定住へ～",
                "summary", "観光交流から移住・定住へ", "department", "観光政策課",
                "participants", new String[]{"35203", "35204", "35206", "35216", "32501"},
                "reason", "副題を含む正式名称に訂正、宇部市は参加を取り下げ")).version();

        JsonNode now = api.get("mine", project + "?minVersion=" + version);
        JsonNode then = api.get("mine", project + "?asOf=" + encode(before));

        assertThat(now.get("name").asText()).endsWith("～観光交流から移住・定住へ～");
        assertThat(now.get("participants")).extracting(JsonNode::asText).doesNotContain("35202").contains("35204");
        assertThat(now.get("kpis").get(0).get("name").asText()).isEqualTo("MICE誘致件数（件）");
        JsonNode activities = now.get("activities").get(0);
        assertThat(activities.get("fiscalYear").asInt()).isEqualTo(2024);
        assertThat(activities.get("fiscalYearJa").asText()).isEqualTo("令和6年度");
        assertThat(activities.get("activities").asText()).startsWith("【ジオパーク説明看板設置及び拠点施設改修事業】\n");
        assertThat(activities.get("trace").asText()).contains("figure=activities").contains("fiscalYear=2024");
        assertThat(now.get("costs").get(0).get("totalCost").asLong()).isEqualTo(40_404_482L);
        assertThat(now.get("costs").get(0).get("grantAmount").isNull()).isTrue();
        assertThat(evaluation(now, 2024).get("policyRationale").asText()).startsWith("市町相互の周遊");
        assertThat(evaluation(now, 2024).get("rationale").asText()).startsWith("7市町において");

        assertThat(then.get("name").asText()).isEqualTo("「山口ゆめ回廊」観光を基軸とした交流価値共創プロジェクト");
        assertThat(then.get("participants")).extracting(JsonNode::asText).contains("35202");
        assertThat(then.get("kpis").get(0).get("name").asText()).isEqualTo("MICE誘致件数");
        assertThat(then.get("activities")).isEmpty();
        assertThat(then.get("costs").get(0).get("grantAmount").asLong()).isEqualTo(20_202_241L);
        assertThat(evaluation(then, 2024).get("policyRationale").asText()).isEmpty();

        assertThat(ids(api.get("ube", "/api/municipalities/35202/projects").get("projects")))
                .doesNotContain("mine-tourism-texts");
        assertThat(ids(api.get("hagi", "/api/municipalities/35204/projects").get("projects")))
                .contains("mine-tourism-texts");
        JsonNode ubeProjects = api.get("ube", "/api/municipalities/35202/projects").get("projects");
        long ubeTakesPart = StreamSupport.stream(ubeProjects.spliterator(), false)
                .filter(p -> !p.get("leadMunicipality").asText().equals("35202")).count();
        assertThat(member(api.get("prefecture", "/api/municipalities").get("municipalities"), "35202")
                .get("participatingProjectCount").asLong()).isEqualTo(ubeTakesPart);
        JsonNode revisions = api.get("auditor", project + "/history?minVersion=" + version).get("revisions");
        assertThat(StreamSupport.stream(revisions.spliterator(), false).map(r -> r.get("kind").asText()).toList())
                .contains("ACTIVITIES");
        JsonNode trace = api.get("auditor", activities.get("trace").asText());
        assertThat(trace.toString()).contains("ProjectActivitiesRecorded");
    }

    @Test
    void aTargetBelowItsBaseline_isFlagged_withoutProgress_yetReached_andTheSuggestionNamesTheKpi() {
        // the case: a higher-is-better KPI, 10.1 % before, target 8.9 %, actual 9.2 %
        api.write("mine", "POST", "/api/projects", object("projectId", "mine-plausible", "leadMunicipality", "35213",
                "participants", new String[0], "name", "要確認の事業", "summary", "", "scope", "SINGLE",
                "grantProgram", "DIGITAL_GARDEN_CITY_PROMOTION", "department", "企画政策課",
                "firstFiscalYear", 2023, "lastFiscalYear", 2025));
        api.write("mine", "POST", "/api/projects/mine-plausible/kpis", object("kpiId", "rate", "name", "特定健診受診率",
                "unit", "%", "direction", "HIGHER_IS_BETTER", "measure", "ABSOLUTE",
                "baseline", object("value", new BigDecimal("10.1"), "fiscalYear", 2022)));
        api.write("mine", "PUT", "/api/projects/mine-plausible/kpis/rate/targets/2024",
                object("value", new BigDecimal("8.9"), "reason", ""));
        long version = api.write("mine", "PUT", "/api/projects/mine-plausible/kpis/rate/actuals/2024",
                object("value", new BigDecimal("9.2"), "status", "CONFIRMED", "source", "令和6年度効果検証", "note", "",
                        "reason", "")).version();

        JsonNode project = api.get("mine", "/api/projects/mine-plausible?minVersion=" + version);

        JsonNode rate = year(project, "rate", 2024);
        assertThat(rate.get("reached").asBoolean()).isTrue();
        assertThat(rate.get("progress").isNull()).isTrue();
        assertThat(StreamSupport.stream(rate.get("checks").spliterator(), false).map(JsonNode::asText).toList())
                .containsExactly("目標値が基準値を下回っています（高いほど良い指標）");
        assertThat(year(project, "rate", 2023).get("checks")).isEmpty();
        JsonNode evaluation = evaluation(project, 2024);
        assertThat(evaluation.get("suggestedEffect").asText()).isEqualTo("VERY_EFFECTIVE");
        assertThat(evaluation.get("suggestionReasonJa").asText())
                .contains("要確認: 「特定健診受診率」（目標値が基準値を下回っています（高いほど良い指標））");

        String reportPage = signedInPage("mine", "/reports/35213/2024");
        assertThat(reportPage).contains("特定健診受診率").contains("要確認")
                .contains("目標値が基準値を下回っています（高いほど良い指標）").contains("—（要確認）");

        byte[] pdf = api.download("mine", "/api/municipalities/35213/reports/2024.pdf").body();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s", ""))
                    .contains("要確認:目標値が基準値を下回っています（高いほど良い指標）");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A page as a signed-in browser without JavaScript gets it: the sign-in form with its CSRF token, then the page. */
    private static String signedInPage(String user, String path) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = services.query().baseUrl();
        try {
            String form = http.send(HttpRequest.newBuilder(URI.create(base + "/signin")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
            assertThat(csrf.find()).isTrue();
            String body = "username=" + user + "&password=" + Api.PASSWORD + "&_csrf="
                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            http.send(HttpRequest.newBuilder(URI.create(base + "/signin"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            return page.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long correctCheckups(String projectId, String value, String reason) {
        api.write("mine", "PUT", "/api/projects/" + projectId + "/kpis/checkups/actuals/2024",
                object("value", new BigDecimal("38.3"), "status", "PROVISIONAL", "source", "速報", "note", "",
                        "reason", "速報値として登録"));
        return api.write("mine", "PUT", "/api/projects/" + projectId + "/kpis/checkups/actuals/2024",
                object("value", new BigDecimal(value), "status", "CONFIRMED", "source", "確定", "note", "",
                        "reason", reason)).version();
    }

    private static JsonNode year(JsonNode project, String kpiId, int fiscalYear) {
        for (JsonNode kpi : project.get("kpis")) {
            if (kpi.get("kpiId").asText().equals(kpiId)) {
                for (JsonNode year : kpi.get("years")) {
                    if (year.get("fiscalYear").asInt() == fiscalYear) {
                        return year;
                    }
                }
            }
        }
        throw new AssertionError("no " + kpiId + " in " + fiscalYear + ": " + project);
    }

    private static JsonNode evaluation(JsonNode project, int fiscalYear) {
        for (JsonNode evaluation : project.get("evaluations")) {
            if (evaluation.get("fiscalYear").asInt() == fiscalYear) {
                return evaluation;
            }
        }
        throw new AssertionError("no evaluation of " + fiscalYear + ": " + project);
    }

    private static JsonNode member(JsonNode members, String code) {
        for (JsonNode member : members) {
            if (member.get("municipalityCode").asText().equals(code)) {
                return member;
            }
        }
        throw new AssertionError("no member " + code);
    }

    private static List<String> ids(JsonNode projects) {
        List<String> ids = new ArrayList<>();
        projects.forEach(project -> ids.add(project.get("projectId").asText()));
        return ids;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
