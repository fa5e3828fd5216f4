package jp.yumekairo.command.report;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jp.yumekairo.command.auth.Actor;
import jp.yumekairo.command.report.ReportCommands.AddReviewComment;
import jp.yumekairo.command.report.ReportCommands.AnswerReviewComment;
import jp.yumekairo.command.report.ReportCommands.PublishReport;
import jp.yumekairo.command.report.ReportCommands.SubmitReport;
import jp.yumekairo.command.report.ReportRequests.AnswerRequest;
import jp.yumekairo.command.report.ReportRequests.CommentRequest;
import jp.yumekairo.command.report.ReportRequests.ReasonRequest;
import jp.yumekairo.command.web.CommandDispatcher;
import jp.yumekairo.command.web.Write;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.report.ReportIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The yearly report's review flow. Each answers {@code {reportId, version}} with the report's version as ETag,
 * plus the new {@code commentId} or the {@code publishedVersion} where one is made.
 */
@RestController
@RequestMapping("/api/reports/{municipalityCode}/{fiscalYear}")
class ReportCommandController {

    private static final String REPORT = "report";

    private final CommandDispatcher dispatcher;
    private final MemberProjects memberProjects;

    ReportCommandController(CommandDispatcher dispatcher, MemberProjects memberProjects) {
        this.dispatcher = dispatcher;
        this.memberProjects = memberProjects;
    }

    /** Submits the member's report to the committee (a resubmission after publishing needs a reason). */
    @PostMapping("/submission")
    ResponseEntity<String> submit(@PathVariable MunicipalityCode municipalityCode, @PathVariable FiscalYear fiscalYear,
                                  @Valid @RequestBody(required = false) ReasonRequest body, Actor actor,
                                  HttpServletRequest request) {
        memberProjects.requireReportYear(municipalityCode, fiscalYear);
        String reportId = ReportIds.of(municipalityCode, fiscalYear);
        String reason = reasonOf(body);
        return dispatcher.send(request, actor, Write.update(REPORT, reportId,
                new SubmitReport(reportId, municipalityCode, fiscalYear, reason), reason));
    }

    /** Adds a reviewer's comment, under the reviewer's own sector, to a submitted report. */
    @PostMapping("/comments")
    ResponseEntity<String> comment(@PathVariable MunicipalityCode municipalityCode, @PathVariable FiscalYear fiscalYear,
                                   @Valid @RequestBody CommentRequest body, Actor actor, HttpServletRequest request) {
        memberProjects.requireCommentTarget(municipalityCode, fiscalYear, body.projectId(), body.kpiId());
        String reportId = ReportIds.of(municipalityCode, fiscalYear);
        return dispatcher.send(request, actor, Write.update(REPORT, reportId,
                new AddReviewComment(reportId, body.sector(), body.text(), body.projectId(), body.kpiId()), ""));
    }

    /** Answers a reviewer's comment, as the member's editor. */
    @PostMapping("/comments/{commentId}/answer")
    ResponseEntity<String> answer(@PathVariable MunicipalityCode municipalityCode, @PathVariable FiscalYear fiscalYear,
                                  @PathVariable String commentId,
                                  @Valid @RequestBody AnswerRequest body, Actor actor, HttpServletRequest request) {
        memberProjects.requireReportYear(municipalityCode, fiscalYear);
        String reportId = ReportIds.of(municipalityCode, fiscalYear);
        return dispatcher.send(request, actor, Write.update(REPORT, reportId,
                new AnswerReviewComment(reportId, commentId, body.text()), ""));
    }

    /** Publishes the submitted report as its next version. */
    @PostMapping("/publication")
    ResponseEntity<String> publish(@PathVariable MunicipalityCode municipalityCode, @PathVariable FiscalYear fiscalYear,
                                   @Valid @RequestBody(required = false) ReasonRequest body, Actor actor,
                                   HttpServletRequest request) {
        memberProjects.requireReportYear(municipalityCode, fiscalYear);
        String reportId = ReportIds.of(municipalityCode, fiscalYear);
        String reason = reasonOf(body);
        return dispatcher.send(request, actor, Write.update(REPORT, reportId, new PublishReport(reportId, reason),
                reason));
    }

    private static String reasonOf(ReasonRequest body) {
        return body == null || body.reason() == null ? "" : body.reason();
    }
}
