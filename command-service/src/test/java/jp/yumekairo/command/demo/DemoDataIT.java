package jp.yumekairo.command.demo;

import jp.yumekairo.command.support.CommandServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed documents' figures, loaded through the API on start, once however often the service starts. */
@TestPropertySource(properties = "yumekairo.demo.load-data=true")
class DemoDataIT extends CommandServiceIT {

    @Autowired
    private DemoDataLoader loader;

    @Test
    void mineR6Costs_addUpToTheDocumentsTotals() {
        assertThat(sum("totalCost", 2024)).isEqualTo(92_710_418L);
        assertThat(sum("grantAmount", 2024)).isEqualTo(46_248_061L);
        // R7's table gives each new project's 総事業費 with no 交付実績 yet: stored as unknown, never as 0
        assertThat(sum("totalCost", 2025)).isEqualTo(31_298_000L + 6_600_000L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                + "'%ProjectCostRecorded' AND convert_from(payload, 'UTF8')::jsonb -> 'grantAmount' = 'null'::jsonb",
                Long.class)).isEqualTo(2);
        // 山陽小野田市's five, 美祢市's five of R6 and two more of R7
        assertThat(count("ProjectRegistered")).isEqualTo(12);
        assertThat(count("KgiFigureReported")).isEqualTo(14);
    }

    @Test
    void sanyoOnodasSecondEdition_isStoredAsCorrectionsWithItsReason_byItsEditor() {
        Long r4Sales = jdbc.queryForObject("""
                SELECT (convert_from(payload, 'UTF8')::jsonb -> 'actual' ->> 'value')::bigint FROM domain_event_entry
                WHERE aggregate_identifier = 'sanyo-onoda-glass-branding' AND payload_type LIKE '%ActualRecorded'
                  AND convert_from(payload, 'UTF8')::jsonb ->> 'kpiId' = 'glass-brand-sales'
                  AND convert_from(payload, 'UTF8')::jsonb ->> 'fiscalYear' = '2022'
                  AND convert_from(meta_data, 'UTF8')::jsonb ->> 'reason' = '令和4年度実績を加えた第2版の数値に更新'
                  AND convert_from(meta_data, 'UTF8')::jsonb ->> 'userId' = 'sanyo-onoda'""", Long.class);

        assertThat(r4Sales).isEqualTo(10_462_414L);
    }

    @Test
    void thePlansFourKgis_withThePartnershipFiguresOfTheFirstPeriod() {
        assertThat(count("KgiDefined")).isEqualTo(4);
        Long visitors2020 = jdbc.queryForObject("""
                SELECT (convert_from(payload, 'UTF8')::jsonb -> 'value' ->> 'value')::bigint FROM domain_event_entry
                WHERE payload_type LIKE '%PartnershipFigureReported'
                  AND convert_from(payload, 'UTF8')::jsonb ->> 'kgiId' = 'visitor-population'
                  AND convert_from(payload, 'UTF8')::jsonb ->> 'year' = '2020'""", Long.class);
        assertThat(visitors2020).isEqualTo(11_840_000L);
        Long socialChange = jdbc.queryForObject("""
                SELECT (convert_from(payload, 'UTF8')::jsonb -> 'value' ->> 'value')::bigint FROM domain_event_entry
                WHERE payload_type LIKE '%PartnershipFigureReported'
                  AND convert_from(payload, 'UTF8')::jsonb ->> 'kgiId' = 'social-change'""", Long.class);
        assertThat(socialChange).isEqualTo(-974L);
        assertThat(count("PartnershipFigureReported")).isEqualTo(4);
    }

    @Test
    void mineR6Report_isPublishedOnce_afterOneRoundOfReview() {
        assertThat(jdbc.queryForList("SELECT payload_type FROM domain_event_entry "
                        + "WHERE aggregate_identifier = 'report-35213-2024' ORDER BY sequence_number", String.class))
                .extracting(type -> type.replaceAll(".*\\.", ""))
                .containsExactly("ReportSubmitted", "ReviewCommentAdded", "ReviewCommentAnswered", "ReportPublished");
    }

    @Test
    void seed002sTexts_theActivities_andBothReasonsOfEachEvaluation_areLoaded() {
        assertThat(count("ProjectActivitiesRecorded")).isEqualTo(5);
        String activities = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'activities' "
                + "FROM domain_event_entry WHERE aggregate_identifier = 'mine-learning-space' "
                + "AND payload_type LIKE '%ProjectActivitiesRecorded'", String.class);
        assertThat(activities).startsWith("【美祢市ラーニングスペース(R6.10開塾)】\n●探究プログラムと学習支援")
                .contains("令和7年3月末には13名に増加しました。").doesNotContain("<p>");
        Map<String, Object> evaluation = jdbc.queryForMap("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'rationale' "
                + "AS rationale, convert_from(payload, 'UTF8')::jsonb ->> 'policyRationale' AS policy_rationale "
                + "FROM domain_event_entry WHERE aggregate_identifier = 'mine-yume-kairo-tourism' "
                + "AND payload_type LIKE '%EvaluationSubmitted'");
        assertThat(evaluation.get("rationale")).isEqualTo("7市町において広域的な取組を実施することで、周遊促進に繋がった。");
        assertThat(evaluation.get("policy_rationale").toString())
                .startsWith("山口ゆめ回廊圏域において、市町相互の周遊や交流人口の拡大に繋がる効果的な事業が実施できている。");
        // every evaluation the seed gives a 今後の方針の理由 for carries it
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                + "'%EvaluationSubmitted' AND convert_from(payload, 'UTF8')::jsonb ->> 'policyRationale' = ''",
                Long.class)).isZero();
    }

    @Test
    void loadingAgain_storesNothing() {
        long before = eventCount();

        loader.load();

        assertThat(eventCount()).isEqualTo(before).isGreaterThan(150);
    }

    private long sum(String field, int fiscalYear) {
        return jdbc.queryForObject("SELECT sum((convert_from(payload, 'UTF8')::jsonb ->> '" + field + "')::bigint) "
                + "FROM domain_event_entry WHERE payload_type LIKE '%ProjectCostRecorded' "
                + "AND aggregate_identifier LIKE 'mine-%' "
                + "AND convert_from(payload, 'UTF8')::jsonb ->> 'fiscalYear' = ?", Long.class, String.valueOf(fiscalYear));
    }

    private long count(String type) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE ?", Long.class,
                "%" + type);
    }
}
