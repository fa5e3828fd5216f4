package jp.yumekairo.query.report;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.query.trace.Checkpoints;
import jp.yumekairo.query.report.ReportView.Version;
import jp.yumekairo.events.report.ReportIds;
import jp.yumekairo.query.report.ReportViews.Comparison;
import jp.yumekairo.query.report.ReportViews.Publications;
import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.QueryRefused;
import jp.yumekairo.query.web.ViewVersions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;


/** A member's yearly report now or as of any instant, its frozen published versions, and what changed between them. */
@RestController
@RequestMapping("/api/reports/{code}/{fiscalYear}")
class ReportQueryController {

    private final ReportViews reports;
    private final ViewVersions viewVersions;

    ReportQueryController(ReportViews reports, ViewVersions viewVersions) {
        this.reports = reports;
        this.viewVersions = viewVersions;
    }

    /** The report as it stands (or stood at {@code asOf}); with {@code minVersion}, waits for the report's own writes. */
    @GetMapping
    ReportView report(@PathVariable("code") MunicipalityCode member, @PathVariable FiscalYear fiscalYear,
                      @RequestParam(required = false) String asOf, @RequestParam(required = false) Long minVersion) {
        Instant at = AsOf.parse(asOf);
        viewVersions.awaitVersion(ReportIds.of(member, fiscalYear), minVersion);
        reports.requireExists(member, fiscalYear, at);
        return reports.current(member, fiscalYear, at);
    }

    /**
     * Every published version: when, by whom, the reasons of the submission, the publication and each change, and
     * the hash chain's checkpoint at the publication.
     */
    @GetMapping("/versions")
    Publications versions(@PathVariable("code") MunicipalityCode member, @PathVariable FiscalYear fiscalYear,
                          @RequestParam(required = false) String asOf) {
        Instant at = AsOf.parse(asOf);
        reports.requireExists(member, fiscalYear, at);
        return reports.publications(member, fiscalYear, at);
    }

    /** Published version {@code version}, exactly as it stood when it was published. */
    @GetMapping("/versions/{version}")
    ResponseEntity<ReportView> version(@PathVariable("code") MunicipalityCode member, @PathVariable FiscalYear fiscalYear,
                                       @PathVariable int version) {
        ReportView view = reports.version(member, fiscalYear, version)
                .orElseThrow(() -> QueryRefused.unknown("unknown-report-version",
                        "the report has no published version " + version));
        return ResponseEntity.ok().eTag("\"v" + version + "\"").body(view);
    }

    /** The field-by-field differences between version {@code from} and version {@code to} (absent: now), with who and why. */
    @GetMapping("/diff")
    Comparison diff(@PathVariable("code") MunicipalityCode member, @PathVariable FiscalYear fiscalYear, @RequestParam int from,
                    @RequestParam(required = false) Integer to, @RequestParam(required = false) String asOf) {
        Instant at = AsOf.parse(asOf);
        reports.requireExists(member, fiscalYear, at);
        return reports.compare(member, fiscalYear, from, to, at)
                .orElseThrow(() -> QueryRefused.unknown("unknown-report-version",
                        "the report has no published version " + from + (to == null ? "" : " or " + to)));
    }
}
