package jp.yumekairo.command.plan;

import jp.yumekairo.command.support.Api.Response;
import jp.yumekairo.command.support.CommandServiceIT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The secretariat sets up the plan; each member reports its own 定住人口. */
class PlanApiIT extends CommandServiceIT {

    @Test
    void membersReportTheirOwnCensusFigures_andACorrectionNeedsAReason() {
        definePlan("yume-kairo-2");
        String figures = "/api/plans/yume-kairo-2/kgis/settled-population/figures/";

        Response reported = api.put("yamaguchi", figures + "35203/2020",
                "{\"value\": 194110, \"status\": \"PROVISIONAL\", \"source\": \"令和2年国勢調査 人口速報集計\", \"reason\": \"\"}");
        assertThat(reported.status()).isEqualTo(200);
        assertThat(reported.json().get("planId").asText()).isEqualTo("yume-kairo-2");
        assertThat(reported.json().get("version").asLong()).isEqualTo(3);

        // census history before the plan period is allowed: it is what trends are made of
        expectStatus(api.put("yamaguchi", figures + "35203/2010",
                "{\"value\": 196628, \"status\": \"CONFIRMED\", \"source\": \"平成22年国勢調査\"}"), 200);

        Response noReason = api.put("yamaguchi", figures + "35203/2020",
                "{\"value\": 193966, \"status\": \"CONFIRMED\", \"source\": \"令和2年国勢調査 確定値\"}");
        assertThat(noReason.status()).isEqualTo(409);
        assertThat(noReason.json().get("code").asText()).isEqualTo("reason-required");

        expectStatus(api.put("yamaguchi", figures + "35203/2020",
                "{\"value\": 193966, \"status\": \"CONFIRMED\", \"source\": \"令和2年国勢調査 確定値\", \"reason\": \"確定値の公表\"}"), 200);

        Response otherMember = api.put("ube", figures + "35203/2020",
                "{\"value\": 1, \"status\": \"CONFIRMED\", \"source\": \"x\", \"reason\": \"x\"}");
        assertThat(otherMember.status()).isEqualTo(403);

        Response beforeBaseline = api.put("yamaguchi", figures + "35203/2005",
                "{\"value\": 191677, \"status\": \"CONFIRMED\", \"source\": \"平成17年国勢調査\"}");
        assertThat(beforeBaseline.status()).isEqualTo(409);
        assertThat(beforeBaseline.json().get("code").asText()).isEqualTo("year-outside-plan-period");
    }

    @Test
    void thePlanTarget_isSetByTheSecretariat_andRevisedWithAReason() {
        definePlan("plan-targets");
        String target = "/api/plans/plan-targets/kgis/settled-population/targets/2026";
        expectStatus(api.put("admin", target, "{\"value\": 590000, \"reason\": \"\"}"), 200);
        assertThat(api.put("admin", target, "{\"value\": 595000}").json().get("code").asText())
                .isEqualTo("reason-required");
        expectStatus(api.put("admin", target, "{\"value\": 595000, \"reason\": \"中間見直し\"}"), 200);
        assertThat(api.put("yamaguchi", target, "{\"value\": 1, \"reason\": \"x\"}").status()).isEqualTo(403);
    }
}
