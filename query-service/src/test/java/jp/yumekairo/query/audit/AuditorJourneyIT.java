package jp.yumekairo.query.audit;

import jp.yumekairo.query.support.Browser;
import jp.yumekairo.query.support.Services;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor's journey in the browser, with nothing typed but choices: 美祢市, 令和6年度 and 実績値の記録 from the
 * filters' lists, each row read as a sentence; the filtered log exported as CSV and NDJSON; a dashboard total
 * followed through 根拠をたどる to its events; then, after the test's superuser changed a stored event, the tamper
 * check names its position and what kind of change it is, and the rebuild names the table that differs. The demo
 * data is this test's own: the tampering is never seen by another test.
 */
class AuditorJourneyIT {

    private static Services services;

    @BeforeAll
    static void start() {
        services = Services.demo(AuditorJourneyIT.class);
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @Test
    void theAuditor_filtersFromLists_exports_tracesADashboardTotal_andSeesATamperAndTheDifferingTable() throws Exception {
        try (Browser auditor = new Browser(services.query().baseUrl())) {
            auditor.signIn("auditor");
            assertThat(auditor.driver().getCurrentUrl()).contains("/audit");

            new Select(auditor.find("#filter-municipality")).selectByVisibleText("美祢市");
            new Select(auditor.find("#filter-fiscalYear")).selectByVisibleText("令和6年度 (2024)");
            new Select(auditor.find("#filter-type")).selectByVisibleText("実績値の記録");
            auditor.find("#log form.filters button[type=submit]").click();
            auditor.waitUntil(d -> d.getCurrentUrl().contains("type=ActualRecorded"));

            List<WebElement> rows = auditor.all("#events tbody tr");
            assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.getText())
                    .contains("実績値の記録").containsPattern("実績値を(記録|訂正) 令和6年度 ").contains("美祢市"));
            assertThat(auditor.find("#events tbody").getText()).as("who wrote it, in Japanese")
                    .contains("mine (編集者・美祢市)");
            assertThat(new Select(auditor.find("#filter-municipality")).getFirstSelectedOption().getText()).isEqualTo("美祢市");
            auditor.script("document.getElementById('log').scrollIntoView()");
            auditor.screenshot("auditor-log-filtered");

            Path csv = auditor.download("#export-csv");
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertThat(lines.get(0)).startsWith("\uFEFF位置,日時,種類,内容,対象,誰が,理由,要求ID");
            assertThat(lines).hasSize(rows.size() + 1);
            assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line)
                    .contains("実績値の記録").contains("令和6年度"));
            Path ndjson = auditor.download("#export-ndjson");
            assertThat(Files.readAllLines(ndjson, StandardCharsets.UTF_8)).hasSize(rows.size())
                    .allSatisfy(line -> assertThat(line).contains("\"type\":\"ActualRecorded\""));

            // a dashboard total's 根拠をたどる: the events of that KGI, in words
            auditor.open("/dashboard");
            auditor.find("a.trace-total").click();
            auditor.waitUntil(d -> d.getCurrentUrl().contains("figure=total"));
            assertThat(auditor.find("#traced").getText()).contains("根拠となったイベント");
            assertThat(auditor.all("#events tbody tr")).anySatisfy(row -> assertThat(row.getText())
                    .containsPattern("(市町|圏域全体)のKGI実績を(記録|訂正) 令和\\d+年 "));
            auditor.script("document.getElementById('events').scrollIntoView()");
            auditor.screenshot("auditor-trace");

            // a KPI's figure on the member's page: 根拠をたどる lists that KPI's events of that year
            auditor.open("/members/35213?year=2024");
            auditor.find("a.trace-figure");
            WebElement trace = (WebElement) auditor.script("""
                    return Array.from(document.querySelectorAll('a.trace-figure'))
                        .find(a => a.offsetParent !== null && a.previousElementSibling.textContent.trim() !== '—');""");
            String traced = trace.getAttribute("href");
            String kpiName = (String) auditor.script(
                    "return arguments[0].closest('tr').querySelector('th').textContent.trim();", trace);
            trace.click();
            auditor.waitUntil(d -> d.getCurrentUrl().contains("kpi="));
            assertThat(auditor.all("#events tbody tr")).as(traced).isNotEmpty()
                    .allSatisfy(row -> assertThat(row.getText()).contains(kpiName).contains("令和"));

            // the test's superuser changes the figure of one of 美祢市's 令和6年度 actuals behind the service's back
            long position = firstActualOfMine2024();
            tamperPayload(position);
            auditor.open("/audit");
            auditor.find("#verify-button").click();
            String verdict = auditor.waitForText("#verification", "改ざん");
            assertThat(verdict).contains("改ざんの疑い").contains("最初に不一致となった位置: " + position);
            assertThat(auditor.find("#verification-kind").getText()).contains("イベント");

            auditor.find("#rebuild-button").click();
            auditor.waitUntil(d -> !"RUNNING".equals(auditor.find("#rebuild-run").getAttribute("data-state"))
                    && !auditor.all("#rebuild-differing li").isEmpty());
            assertThat(auditor.find("#rebuild-differing").getText()).contains("実績値の表が一致しません");
            auditor.find("#verify-button").click();
            auditor.waitForText("#verification", "改ざん");
            assertThat(auditor.find("#rebuild-verdict").getText()).as("no 一致 under a tamper alert").doesNotContain("✔");
            auditor.screenshot("auditor-tamper");
        }
    }

    private static long firstActualOfMine2024() throws Exception {
        try (Connection connection = services.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("""
                     SELECT e.global_index FROM domain_event_entry e
                     WHERE e.payload_type LIKE '%.ActualRecorded'
                       AND convert_from(e.payload, 'UTF8')::jsonb->>'fiscalYear' = '2024'
                       AND convert_from(e.meta_data, 'UTF8')::jsonb->>'municipality' = '35213'
                       AND convert_from(e.payload, 'UTF8')::jsonb->'actual'->>'value' IS NOT NULL
                     ORDER BY e.global_index LIMIT 1""")) {
            assertThat(row.next()).as("a 令和6年度 actual of 美祢市 in the demo data").isTrue();
            return row.getLong(1);
        }
    }

    /** As the superuser, with the append-only trigger off: the actual's value gets a 9 in front. */
    private static void tamperPayload(long position) throws Exception {
        try (Connection connection = services.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
            }
            try (PreparedStatement change = connection.prepareStatement("""
                    UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),
                        '"actual":{"value":', '"actual":{"value":9'), 'UTF8') WHERE global_index = ?""")) {
                change.setLong(1, position);
                assertThat(change.executeUpdate()).isEqualTo(1);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");
            }
            connection.commit();
        }
    }
}
