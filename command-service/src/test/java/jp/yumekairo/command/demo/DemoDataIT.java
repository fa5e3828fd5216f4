package jp.yumekairo.command.demo;

import jp.yumekairo.command.support.CommandServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed documents' figures, loaded through the API on start, once however often the service starts. */
@TestPropertySource(properties = "yumekairo.demo.load-data=true")
class DemoDataIT extends CommandServiceIT {

    @Autowired
    private DemoDataLoader loader;

    @Test
    void mineR6Costs_addUpToTheDocumentsTotals() {
        assertThat(sum("totalCost")).isEqualTo(92_710_418L);
        assertThat(sum("grantAmount")).isEqualTo(46_248_061L);
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
    void loadingAgain_storesNothing() {
        long before = eventCount();

        loader.load();

        assertThat(eventCount()).isEqualTo(before).isGreaterThan(150);
    }

    private long sum(String field) {
        return jdbc.queryForObject("SELECT sum((convert_from(payload, 'UTF8')::jsonb ->> '" + field + "')::bigint) "
                + "FROM domain_event_entry WHERE payload_type LIKE '%ProjectCostRecorded'", Long.class);
    }

    private long count(String type) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE ?", Long.class,
                "%" + type);
    }
}
