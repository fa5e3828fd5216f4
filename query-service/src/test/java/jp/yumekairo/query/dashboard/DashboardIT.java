package jp.yumekairo.query.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.Seeds;
import jp.yumekairo.query.support.Services;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static jp.yumekairo.query.support.Api.object;
import static org.assertj.core.api.Assertions.assertThat;

/** The consolidated 定住人口 of seed 004, reported member by member. */
class DashboardIT {

    private static Api api;
    private static Seeds seeds;

    @BeforeAll
    static void start() {
        api = Services.shared().api();
        seeds = new Seeds(api);
    }

    @Test
    void settledPopulation_ofAllSevenMembers_addsUpToTheDocumentsTotals_andOneMissingMemberFlagsIncomplete() {
        seeds.planWithSettledPopulation();
        long version = 0;
        for (Map.Entry<String, long[]> member : Seeds.SETTLED_POPULATION.entrySet()) {
            version = seeds.reportSettledPopulation(member.getKey(), 2010, member.getValue()[0]);
            if (!member.getKey().equals("32501")) { // 津和野町 has not reported 2020 yet
                version = seeds.reportSettledPopulation(member.getKey(), 2020, member.getValue()[1]);
            }
        }

        JsonNode of2010 = kgi(api.get("prefecture", "/api/plans/" + Seeds.PLAN + "/dashboard?year=2010&minVersion=" + version));
        JsonNode partial2020 = kgi(api.get("prefecture", "/api/plans/" + Seeds.PLAN + "/dashboard?year=2020"));

        // 圏域合計 約64.2万人 (平成22年)
        assertThat(of2010.get("total").longValue()).isEqualTo(642_361L);
        assertThat(of2010.get("complete").asBoolean()).isTrue();
        assertThat(of2010.get("members")).hasSize(7);
        assertThat(member(of2010, "35213").get("value").longValue()).isEqualTo(28_630L);
        // one member missing: flagged, never passed off as the total
        assertThat(partial2020.get("complete").asBoolean()).isFalse();
        assertThat(partial2020.get("missingMembers").get(0).asText()).isEqualTo("32501");
        assertThat(member(partial2020, "32501").get("status").asText()).isEqualTo("NOT_REPORTED");
        assertThat(member(partial2020, "32501").get("value").isNull()).isTrue();
        assertThat(partial2020.get("total").longValue()).isEqualTo(606_029L - 6_879L);
        assertThat(partial2020.get("reached").isNull()).isTrue();

        version = seeds.reportSettledPopulation("32501", 2020, 6_879);
        JsonNode dashboard = api.get("prefecture", "/api/plans/" + Seeds.PLAN + "/dashboard?minVersion=" + version);
        JsonNode latest = kgi(dashboard);

        // 圏域合計 約60.6万人 (令和2年国勢調査)
        assertThat(latest.get("year").asInt()).isEqualTo(2020);
        assertThat(latest.get("total").longValue()).isEqualTo(606_029L);
        assertThat(latest.get("complete").asBoolean()).isTrue();
        JsonNode series = latest.get("series");
        assertThat(series).hasSize(2);
        assertThat(series.get(0).get("year").asInt()).isEqualTo(2010);
        assertThat(series.get(0).get("total").longValue()).isEqualTo(642_361L);
        assertThat(series.get(1).get("total").longValue()).isEqualTo(606_029L);
        assertThat(series.get(1).get("complete").asBoolean()).isTrue();
    }

    @Test
    void thePlanTarget_andTheAchievementAgainstIt_showOnceSet() {
        String plan = "target-plan";
        api.write("admin", "POST", "/api/plans", object("planId", plan, "name", "第2期山口県央連携都市圏域ビジョン",
                "members", new String[]{"35213", "32501"}, "firstFiscalYear", 2022, "lastFiscalYear", 2026));
        api.write("admin", "POST", "/api/plans/" + plan + "/kgis", object("kgiId", "net-migration",
                "name", "社会動態", "unit", "人", "direction", "HIGHER_IS_BETTER", "aggregation", "SUM",
                "baseline", object("value", -843, "year", 2014)));
        api.write("admin", "PUT", "/api/plans/" + plan + "/kgis/net-migration/targets/2024",
                object("value", -421, "reason", ""));
        api.write("mine", "PUT", "/api/plans/" + plan + "/kgis/net-migration/figures/35213/2024",
                object("value", -300, "status", "CONFIRMED", "source", "", "reason", ""));
        long version = api.write("tsuwano", "PUT", "/api/plans/" + plan + "/kgis/net-migration/figures/32501/2024",
                object("value", -39, "status", "PROVISIONAL", "source", "", "reason", "")).version();

        JsonNode kgi = kgi(api.get("prefecture", "/api/plans/" + plan + "/dashboard?year=2024&minVersion=" + version));

        assertThat(kgi.get("total").intValue()).isEqualTo(-339);
        assertThat(kgi.get("target").intValue()).isEqualTo(-421);
        assertThat(kgi.get("reached").asBoolean()).isTrue();
        // (−339 − −843) / (−421 − −843) = 504 / 422
        assertThat(kgi.get("progress").decimalValue()).isEqualByComparingTo("1.1943");
        assertThat(member(kgi, "32501").get("status").asText()).isEqualTo("PROVISIONAL");
    }

    @Test
    void aFigurePublishedOnlyForThePartnership_isTheTotal_andTheMembersShowNotReported() {
        String plan = "partnership-plan";
        api.write("admin", "POST", "/api/plans", object("planId", plan, "name", "第2期山口県央連携都市圏域ビジョン",
                "members", new String[]{"35203", "35202", "35204", "35206", "35213", "35216", "32501"},
                "firstFiscalYear", 2022, "lastFiscalYear", 2026));
        api.write("admin", "POST", "/api/plans/" + plan + "/kgis", object("kgiId", "new-jobs",
                "name", "新規雇用創出数", "unit", "人", "direction", "HIGHER_IS_BETTER", "aggregation", "SUM",
                "baseline", object("value", null, "year", 2014)));
        api.write("admin", "PUT", "/api/plans/" + plan + "/kgis/new-jobs/targets/2026", object("value", 150, "reason", ""));
        long version = api.write("admin", "PUT", "/api/plans/" + plan + "/kgis/new-jobs/figures/partnership/2020",
                object("value", 464, "status", "CONFIRMED", "source", "第1期のKGI・KPIの達成状況", "reason", "")).version();
        Api.Response byAMember = api.command("ube", "PUT", "/api/plans/" + plan + "/kgis/new-jobs/figures/partnership/2021",
                object("value", 10, "status", "CONFIRMED", "source", "", "reason", ""));
        assertThat(byAMember.status()).isEqualTo(403);

        JsonNode kgi = kgi(api.get("prefecture", "/api/plans/" + plan + "/dashboard?minVersion=" + version));

        assertThat(kgi.get("year").intValue()).isEqualTo(2020);
        assertThat(kgi.get("total").intValue()).isEqualTo(464);
        assertThat(kgi.get("complete").asBoolean()).isTrue();
        assertThat(kgi.get("totalBasis").asText()).isEqualTo("PARTNERSHIP");
        assertThat(kgi.get("totalSource").asText()).isEqualTo("第1期のKGI・KPIの達成状況");
        assertThat(kgi.get("baseline").isNull()).isTrue();
        // published for the partnership only: the members are not 未報告
        assertThat(member(kgi, "35202").get("status").asText()).isEqualTo("PARTNERSHIP_ONLY");
        assertThat(member(kgi, "35202").get("value").isNull()).isTrue();
        assertThat(kgi.get("series")).hasSize(2);
        assertThat(kgi.get("series").get(1).get("target").intValue()).isEqualTo(150);
    }

    @Test
    void anUnknownPlan_isNotFound() {
        Api.Response response = api.read("prefecture", "/api/plans/no-such-plan/dashboard");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().get("code").asText()).isEqualTo("unknown-plan");
    }

    private static JsonNode kgi(JsonNode dashboard) {
        return dashboard.get("kgis").get(0);
    }

    private static JsonNode member(JsonNode kgi, String code) {
        for (JsonNode member : kgi.get("members")) {
            if (member.get("municipalityCode").asText().equals(code)) {
                return member;
            }
        }
        throw new AssertionError("no member " + code);
    }
}
