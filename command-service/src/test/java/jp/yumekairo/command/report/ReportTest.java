package jp.yumekairo.command.report;

import jp.yumekairo.command.ReasonRequired;
import jp.yumekairo.command.auth.Actor;
import jp.yumekairo.command.auth.NotPermitted;
import jp.yumekairo.command.auth.Role;
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
import jp.yumekairo.events.report.ReportIds;
import jp.yumekairo.events.report.ReportPublished;
import jp.yumekairo.events.report.ReportSubmitted;
import jp.yumekairo.events.report.ReviewCommentAdded;
import jp.yumekairo.events.report.ReviewCommentAnswered;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static jp.yumekairo.command.support.RefusalMatchers.refusal;

/** The review flow of 美祢市's 令和6年度 効果検証報告: submitted, commented on by sector, answered, published. */
class ReportTest {

    private static final FiscalYear FY2024 = FiscalYear.of(2024);
    private static final String REPORT = ReportIds.of(MunicipalityCode.MINE, FY2024);

    private static final MetaData MINE_EDITOR = MetaData.from(Actor.editor("mine", MunicipalityCode.MINE).toMetaData());
    private static final MetaData UBE_EDITOR = MetaData.from(Actor.editor("ube", MunicipalityCode.UBE).toMetaData());
    private static final MetaData ACADEMIA =
            MetaData.from(new Actor("reviewer-academia", Role.REVIEWER, null, Sector.ACADEMIA).toMetaData());
    private static final MetaData ADMIN = MetaData.from(Actor.admin("admin").toMetaData());

    private static final ReportSubmitted SUBMITTED =
            new ReportSubmitted(REPORT, MunicipalityCode.MINE, FY2024, 1, "");
    private static final ReviewCommentAdded COMMENTED = new ReviewCommentAdded(REPORT, "c1", Sector.ACADEMIA,
            "reviewer-academia", "観光客数の目標の根拠は何ですか。", "mine-tourism", "visitors");
    private static final ReportPublished PUBLISHED =
            new ReportPublished(REPORT, MunicipalityCode.MINE, FY2024, 1, "");

    private FixtureConfiguration<Report> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Report.class);
    }

    @Test
    void submitReport_createsTheReport_asItsFirstSubmission() {
        fixture.givenNoPriorActivity()
                .when(new SubmitReport(REPORT, MunicipalityCode.MINE, FY2024, null), MINE_EDITOR)
                .expectEvents(SUBMITTED);
    }

    @Test
    void submitReport_isRejected_forAnotherMunicipality() {
        fixture.givenNoPriorActivity()
                .when(new SubmitReport(REPORT, MunicipalityCode.MINE, FY2024, null), UBE_EDITOR)
                .expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("美祢市"))
                .expectException(NotPermitted.class);
    }

    @Test
    void submitReport_isRejected_whileUnderReview() {
        fixture.given(SUBMITTED)
                .when(new SubmitReport(REPORT, MunicipalityCode.MINE, FY2024, null), MINE_EDITOR)
                .expectNoEvents()
                .expectException(refusal(ReportAlreadySubmitted.class, "report-already-submitted"));
    }

    @Test
    void resubmission_afterPublication_needsAReason() {
        fixture.given(SUBMITTED, PUBLISHED)
                .when(new SubmitReport(REPORT, MunicipalityCode.MINE, FY2024, " "), MINE_EDITOR)
                .expectNoEvents()
                .expectException(refusal(ReasonRequired.class, "reason-required"));
    }

    @Test
    void resubmission_afterPublication_countsTheSubmission() {
        fixture.given(SUBMITTED, PUBLISHED)
                .when(new SubmitReport(REPORT, MunicipalityCode.MINE, FY2024, "観光客数を確定値に訂正"), MINE_EDITOR)
                .expectEvents(new ReportSubmitted(REPORT, MunicipalityCode.MINE, FY2024, 2, "観光客数を確定値に訂正"));
    }

    @Test
    void addReviewComment_isMadeUnderTheReviewersOwnSector_andNumbered() {
        fixture.given(SUBMITTED)
                .when(new AddReviewComment(REPORT, null, "観光客数の目標の根拠は何ですか。", "mine-tourism", "visitors"),
                        ACADEMIA)
                .expectEvents(COMMENTED)
                .expectResultMessagePayload(new Handled(1, Map.of("commentId", "c1")));
    }

    @Test
    void addReviewComment_isRejected_underAnotherSector() {
        fixture.given(SUBMITTED)
                .when(new AddReviewComment(REPORT, Sector.FINANCE, "金融機関として", null, null), ACADEMIA)
                .expectNoEvents()
                .expectException(NotPermitted.class);
    }

    @Test
    void addReviewComment_isRejected_fromAnEditor() {
        fixture.given(SUBMITTED)
                .when(new AddReviewComment(REPORT, null, "自分で講評", null, null), MINE_EDITOR)
                .expectNoEvents()
                .expectException(NotPermitted.class);
    }

    @Test
    void addReviewComment_isRejected_onAPublishedReport() {
        fixture.given(SUBMITTED, PUBLISHED)
                .when(new AddReviewComment(REPORT, null, "公表後の講評", null, null), ACADEMIA)
                .expectNoEvents()
                .expectException(refusal(ReportNotUnderReview.class, "report-not-under-review"));
    }

    @Test
    void answerReviewComment_isRecorded_forTheMembersEditor() {
        fixture.given(SUBMITTED, COMMENTED)
                .when(new AnswerReviewComment(REPORT, "c1", "令和5年度実績を基準にしました。"), MINE_EDITOR)
                .expectEvents(new ReviewCommentAnswered(REPORT, "c1", "令和5年度実績を基準にしました。"));
    }

    @Test
    void answerReviewComment_isRejected_forAnUnknownComment() {
        fixture.given(SUBMITTED, COMMENTED)
                .when(new AnswerReviewComment(REPORT, "c9", "回答"), MINE_EDITOR)
                .expectNoEvents()
                .expectException(refusal(UnknownComment.class, "unknown-comment"));
    }

    @Test
    void answerReviewComment_isRejected_fromAReviewer() {
        fixture.given(SUBMITTED, COMMENTED)
                .when(new AnswerReviewComment(REPORT, "c1", "回答"), ACADEMIA)
                .expectNoEvents()
                .expectException(NotPermitted.class);
    }

    @Test
    void publishReport_createsVersionOne() {
        fixture.given(SUBMITTED, COMMENTED)
                .when(new PublishReport(REPORT, ""), MINE_EDITOR)
                .expectEvents(PUBLISHED)
                .expectResultMessagePayload(new Handled(2, Map.of("publishedVersion", 1)));
    }

    @Test
    void publishReport_afterAResubmission_createsTheNextVersion_withItsReason() {
        fixture.given(SUBMITTED, PUBLISHED,
                        new ReportSubmitted(REPORT, MunicipalityCode.MINE, FY2024, 2, "観光客数を確定値に訂正"))
                .when(new PublishReport(REPORT, "確定値で再公表"), MINE_EDITOR)
                .expectEvents(new ReportPublished(REPORT, MunicipalityCode.MINE, FY2024, 2, "確定値で再公表"));
    }

    @Test
    void publishReport_isRejected_fromAReviewer_anotherMember_orTheSecretariat() {
        for (MetaData notTheMember : new MetaData[]{ACADEMIA, UBE_EDITOR, ADMIN}) {
            fixture.given(SUBMITTED)
                    .when(new PublishReport(REPORT, ""), notTheMember)
                    .expectNoEvents()
                    .expectException(NotPermitted.class);
        }
    }

    @Test
    void publishReport_isRejected_twice() {
        fixture.given(SUBMITTED, PUBLISHED)
                .when(new PublishReport(REPORT, ""), MINE_EDITOR)
                .expectNoEvents()
                .expectException(refusal(ReportNotUnderReview.class, "report-not-under-review"));
    }
}
