package jp.yumekairo.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.yumekairo.events.plan.KgiDefined;
import jp.yumekairo.events.plan.KgiFigureReported;
import jp.yumekairo.events.plan.PartnershipFigureReported;
import jp.yumekairo.events.plan.PlanDefined;
import jp.yumekairo.events.plan.PlanEvent;
import jp.yumekairo.events.plan.PlanTargetRevised;
import jp.yumekairo.events.project.ActualRecorded;
import jp.yumekairo.events.project.EvaluationRevised;
import jp.yumekairo.events.project.EvaluationSubmitted;
import jp.yumekairo.events.project.KpiDefined;
import jp.yumekairo.events.project.KpiRenamed;
import jp.yumekairo.events.project.ProjectActivitiesRecorded;
import jp.yumekairo.events.project.ProjectDetailsCorrected;
import jp.yumekairo.events.project.ProjectUpcasters;
import jp.yumekairo.events.project.ProjectCostRecorded;
import jp.yumekairo.events.project.ProjectEvent;
import jp.yumekairo.events.project.ProjectRegistered;
import jp.yumekairo.events.project.TargetRevised;
import jp.yumekairo.events.report.ReportEvent;
import jp.yumekairo.events.report.ReportPublished;
import jp.yumekairo.events.report.ReportSubmitted;
import jp.yumekairo.events.report.ReviewCommentAdded;
import jp.yumekairo.events.report.ReviewCommentAnswered;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every event's JSON is approved: a changed event fails here until its sample is reviewed and replaced
 * (and a stored event of the old shape gets an upcaster). New samples are written to target/approved-new.
 */
class EventSamplesTest {

    private final ObjectMapper json = EventJson.objectMapper();

    static List<Object> samples() {
        return List.of(
                new ProjectRegistered("sanyo-onoda-glass", MunicipalityCode.SANYO_ONODA, List.of(),
                        "小野田ガラスのブランド化推進事業", "市内のガラス作家の作品をブランド化する。", ProjectScope.SINGLE,
                        GrantProgram.REGIONAL_REVITALIZATION_PROMOTION, "商工労働課", FiscalYear.of(2020),
                        FiscalYear.of(2022)),
                new KpiDefined("sanyo-onoda-glass", "glass-sales", "ブランド化したガラス商品の販売額", "円",
                        Direction.HIGHER_IS_BETTER, Measure.ABSOLUTE, new Baseline(BigDecimal.ZERO, FiscalYear.of(2019)),
                        new BigDecimal("15000000")),
                new TargetRevised("sanyo-onoda-glass", "glass-sales", FiscalYear.of(2021),
                        Figure.of(10_000_000, "円"), ""),
                new ActualRecorded("sanyo-onoda-glass", "glass-sales", FiscalYear.of(2021), Figure.of(134_280, "円"),
                        ActualStatus.CONFIRMED, "令和3年度実績報告", "", "速報値を確定値に更新"),
                new ProjectCostRecorded("mine-tourism", FiscalYear.of(2024), 40_404_482L, 20_202_241L, ""),
                new ProjectActivitiesRecorded("mine-tourism", FiscalYear.of(2024),
                        "観光プロモーション動画の制作、旅行博への出展", ""),
                new ProjectDetailsCorrected("yamaguchi-wide-tourism", "山口県央連携観光推進事業",
                        "圏域の観光資源を一体的に発信する。", "観光交流課",
                        List.of(MunicipalityCode.HOFU, MunicipalityCode.MINE), "名称の誤記を訂正"),
                new KpiRenamed("mine-tourism", "visitors", "観光客数（延べ人数）", "公表資料の表記に合わせる"),
                new EvaluationSubmitted("mine-tourism", FiscalYear.of(2024), EffectRating.VERY_EFFECTIVE,
                        Policy.CONTINUE, "全てのKPIが目標を達成した", "引き続き誘客を図るため", "現況", "阻害要因", "見直し内容",
                        Map.of("visitors", "天候不順", "events", "会場の確保")),
                new EvaluationRevised("mine-tourism", FiscalYear.of(2024), EffectRating.CONSIDERABLY_EFFECTIVE,
                        Policy.IMPROVE, "一部のKPIが未達", "", "", "", "", Map.of(), "委員会の指摘を受けて修正"),
                new PlanDefined("yume-kairo-2", "第2期山口県央連携都市圏域ビジョン", List.of(MunicipalityCode.values()),
                        FiscalYear.of(2022), FiscalYear.of(2026)),
                new KgiDefined("yume-kairo-2", "settled-population", "定住人口", "人", Direction.HIGHER_IS_BETTER,
                        Aggregation.SUM, new KgiBaseline(new BigDecimal("642361"), 2010)),
                new PlanTargetRevised("yume-kairo-2", "visitor-population", 2026, Figure.of(17_000_000, "人"), ""),
                new KgiFigureReported("yume-kairo-2", "settled-population", MunicipalityCode.YAMAGUCHI, 2020,
                        Figure.of(194_110, "人"), ActualStatus.PROVISIONAL, "令和2年国勢調査 人口速報集計", ""),
                new PartnershipFigureReported("yume-kairo-2", "visitor-population", 2020, Figure.of(11_840_000, "人"),
                        ActualStatus.CONFIRMED, "第2期山口県央連携都市圏域ビジョン 第1期のKGI・KPIの達成状況", ""),
                new ReportSubmitted("report-35213-2024", MunicipalityCode.MINE, FiscalYear.of(2024), 2,
                        "令和6年度の観光客数を確定値に更新"),
                new ReviewCommentAdded("report-35213-2024", "c-7f3a9e", Sector.ACADEMIA, "reviewer-academia",
                        "KPIの目標設定の根拠を示してください。", "mine-tourism", "visitors"),
                new ReviewCommentAnswered("report-35213-2024", "c-7f3a9e", "令和5年度の実績を基準に設定しました。"),
                new ReportPublished("report-35213-2024", MunicipalityCode.MINE, FiscalYear.of(2024), 2,
                        "委員会の確認を経て公表"));
    }

    @Test
    void everyEventTypeHasASample() {
        List<Class<?>> sampled = samples().stream().<Class<?>>map(Object::getClass).toList();
        Stream.of(ProjectEvent.class, PlanEvent.class, ReportEvent.class)
                .flatMap(sealed -> Arrays.stream(sealed.getPermittedSubclasses()))
                .forEach(type -> assertThat(sampled).as("sample of " + type.getSimpleName()).contains(type));
    }

    @TestFactory
    Stream<DynamicTest> eventJsonMatchesTheApprovedSample() {
        return samples().stream().map(event -> DynamicTest.dynamicTest(event.getClass().getSimpleName(), () -> {
            String name = event.getClass().getSimpleName() + ".json";
            String actual = json.writerWithDefaultPrettyPrinter().writeValueAsString(event) + "\n";
            String approved = approved(name);
            if (approved == null) {
                Path out = Path.of("target", "approved-new", name);
                Files.createDirectories(out.getParent());
                Files.writeString(out, actual);
                fail("no approved sample for " + name + "; review " + out + " and copy it to src/test/resources/approved/");
            }
            assertThat(actual).as("JSON of " + name + " (a changed event needs @Revision and an upcaster)")
                    .isEqualTo(approved);
            assertThat(json.readValue(approved, event.getClass())).isEqualTo(event);
        }));
    }

    /**
     * Events stored before a revision (no payload revision, the shape of {@code approved/revision-1}) still read,
     * through the upcasters both services register, as the current revision.
     */
    @Test
    void eventsStoredWithoutARevisionStillRead() throws IOException {
        assertThat(readStored(ProjectCostRecorded.class, "revision-1/ProjectCostRecorded.json"))
                .isEqualTo(new ProjectCostRecorded("mine-tourism", FiscalYear.of(2024), 40_404_482L, 20_202_241L, ""));
        assertThat(readStored(EvaluationSubmitted.class, "revision-1/EvaluationSubmitted.json"))
                .isEqualTo(new EvaluationSubmitted("mine-tourism", FiscalYear.of(2024), EffectRating.VERY_EFFECTIVE,
                        Policy.CONTINUE, "全てのKPIが目標を達成した", "", "現況", "阻害要因", "見直し内容",
                        Map.of("visitors", "天候不順", "events", "会場の確保")));
        assertThat(readStored(EvaluationRevised.class, "revision-1/EvaluationRevised.json"))
                .isEqualTo(new EvaluationRevised("mine-tourism", FiscalYear.of(2024),
                        EffectRating.CONSIDERABLY_EFFECTIVE, Policy.IMPROVE, "一部のKPIが未達", "", "", "", "", Map.of(),
                        "委員会の指摘を受けて修正"));
    }

    @Test
    void revisedEventsNameTheirRevision() {
        Stream.of(ProjectCostRecorded.class, EvaluationSubmitted.class, EvaluationRevised.class)
                .forEach(type -> assertThat(type.getAnnotation(Revision.class).value()).as(type.getSimpleName())
                        .isEqualTo("2"));
    }

    private Object readStored(Class<?> type, String sample) throws IOException {
        Serializer serializer = EventJson.serializer();
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Project", "mine-tourism", 0,
                "event-1", java.time.Instant.parse("2024-06-01T00:00:00Z"), type.getName(), null,
                approved(sample).getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> read = new EventUpcasterChain(ProjectUpcasters.all())
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(read).hasSize(1);
        assertThat(read.get(0).getType().getRevision()).isEqualTo("2");
        return serializer.deserialize(read.get(0).getData());
    }

    private static String approved(String name) throws IOException {
        try (InputStream in = EventSamplesTest.class.getResourceAsStream("/approved/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
