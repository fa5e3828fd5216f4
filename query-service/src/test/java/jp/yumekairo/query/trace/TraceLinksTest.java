package jp.yumekairo.query.trace;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TraceLinksTest {

    @Test
    void aLinkIsEncodedAsSpringWouldEncodeIt_andOpensTheSameTrace() {
        String projectId = "35203-r6-1";
        String kpiId = "観光 客数&率+100%/年";
        Instant asOf = Instant.parse("2024-09-30T06:00:00Z");

        String link = TraceLinks.kpiYear(projectId, kpiId, 2024, asOf);

        assertThat(link).isEqualTo(UriComponentsBuilder.fromPath("/api/audit/trace").queryParam("project", projectId)
                .queryParam("kpi", kpiId).queryParam("fiscalYear", 2024).queryParam("to", asOf.toString())
                .encode().build().toUriString());
        assertThat(UriUtils.decode(UriComponentsBuilder.fromUriString(link).build(true).getQueryParams()
                .getFirst("kpi"), StandardCharsets.UTF_8)).isEqualTo(kpiId);
    }

    @Test
    void theCurrentViewsLinksHaveNoEnd() {
        assertThat(TraceLinks.projectFigure("p", "cost", 2024, jp.yumekairo.query.web.AsOf.LATEST))
                .isEqualTo("/api/audit/trace?project=p&fiscalYear=2024&figure=cost");
        assertThat(TraceLinks.kgiFigure("plan", "kgi", null, 2024, null))
                .isEqualTo("/api/audit/trace?plan=plan&kgi=kgi&year=2024&figure=total");
    }
}
