package jp.yumekairo.command.report;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import jp.yumekairo.command.ReasonRequired;
import jp.yumekairo.command.auth.Actor;
import jp.yumekairo.command.report.ReportCommands.AddReviewComment;
import jp.yumekairo.command.report.ReportCommands.AnswerReviewComment;
import jp.yumekairo.command.report.ReportCommands.PublishReport;
import jp.yumekairo.command.report.ReportCommands.SubmitReport;
import jp.yumekairo.command.report.ReportRefusals.ReportAlreadySubmitted;
import jp.yumekairo.command.report.ReportRefusals.ReportNotUnderReview;
import jp.yumekairo.command.report.ReportRefusals.UnknownComment;
import jp.yumekairo.command.web.Handled;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Sector;
import jp.yumekairo.events.report.ReportPublished;
import jp.yumekairo.events.report.ReportSubmitted;
import jp.yumekairo.events.report.ReviewCommentAdded;
import jp.yumekairo.events.report.ReviewCommentAnswered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * 効果検証報告: one member's report for one fiscal year. It is a draft until the member's editor submits it;
 * the committee comments while it is submitted; the editor answers and publishes it as version 1, 2, ….
 * The figures stay in the projects: a version is the report as it stood when it was published.
 * <p>
 * Its snapshot ({@code config.AggregateSnapshots}) is its fields as JSON: change {@code @Revision} whenever they
 * change (or the events kept in them do), so that older snapshots are skipped and the state is replayed instead.
 */
@Aggregate(cache = "reportCache", snapshotTriggerDefinition = "aggregateSnapshotTrigger")
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY)
class Report {

    enum State { DRAFT, SUBMITTED, PUBLISHED }

    @AggregateIdentifier
    private String reportId;
    private MunicipalityCode municipality;
    private FiscalYear fiscalYear;
    private State state = State.DRAFT;
    private int submissions;
    private int publishedVersion;
    private final Set<String> commentIds = new HashSet<>();

    Report() {
        // rebuilt from its events, or created by its first submission
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(SubmitReport command, Actor actor) {
        actor.requireEditorOf(command.municipality(), "submit the yearly report");
        if (state == State.SUBMITTED) {
            throw new ReportAlreadySubmitted(command.reportId());
        }
        if (state == State.PUBLISHED) {
            ReasonRequired.require(command.reason(), "resubmitting published version " + publishedVersion);
        }
        apply(new ReportSubmitted(command.reportId(), command.municipality(), command.fiscalYear(), submissions + 1,
                command.reason()));
        return getVersion();
    }

    @CommandHandler
    Handled handle(AddReviewComment command, Actor actor) {
        Sector sector = actor.requireReviewer(command.sector(), "comment on a yearly report");
        requireUnderReview("commented on");
        String commentId = "c" + (commentIds.size() + 1);
        apply(new ReviewCommentAdded(reportId, commentId, sector, actor.userId(), command.text(),
                command.projectId(), command.kpiId()));
        return new Handled(getVersion(), Map.of("commentId", commentId));
    }

    @CommandHandler
    long handle(AnswerReviewComment command, Actor actor) {
        actor.requireEditorOf(municipality, "answer a comment on the yearly report");
        if (!commentIds.contains(command.commentId())) {
            throw new UnknownComment(reportId, command.commentId());
        }
        requireUnderReview("answered");
        apply(new ReviewCommentAnswered(reportId, command.commentId(), command.text()));
        return getVersion();
    }

    @CommandHandler
    Handled handle(PublishReport command, Actor actor) {
        actor.requireEditorOf(municipality, "publish the yearly report");
        requireUnderReview("published");
        apply(new ReportPublished(reportId, municipality, fiscalYear, publishedVersion + 1, command.reason()));
        return new Handled(getVersion(), Map.of("publishedVersion", publishedVersion));
    }

    private void requireUnderReview(String what) {
        if (state != State.SUBMITTED) {
            throw new ReportNotUnderReview(reportId, state == State.DRAFT ? "a draft"
                    : "published as version " + publishedVersion, what);
        }
    }

    @EventSourcingHandler
    void on(ReportSubmitted event) {
        reportId = event.reportId();
        municipality = event.municipality();
        fiscalYear = event.fiscalYear();
        submissions = event.submission();
        state = State.SUBMITTED;
    }

    @EventSourcingHandler
    void on(ReviewCommentAdded event) {
        commentIds.add(event.commentId());
    }

    @EventSourcingHandler
    void on(ReportPublished event) {
        publishedVersion = event.version();
        state = State.PUBLISHED;
    }
}
