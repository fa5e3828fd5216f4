package jp.yumekairo.command.project;

import jp.yumekairo.command.CommandRefused;
import jp.yumekairo.command.auth.Actor;
import jp.yumekairo.command.auth.NotPermitted;
import jp.yumekairo.command.auth.Role;
import jp.yumekairo.command.project.ProjectCommands.CorrectProjectDetails;
import jp.yumekairo.command.project.ProjectCommands.DefineKpi;
import jp.yumekairo.command.project.ProjectCommands.RecordActivities;
import jp.yumekairo.command.project.ProjectCommands.RecordActual;
import jp.yumekairo.command.project.ProjectCommands.RecordProjectCost;
import jp.yumekairo.command.project.ProjectCommands.RegisterProject;
import jp.yumekairo.command.project.ProjectCommands.RenameKpi;
import jp.yumekairo.command.project.ProjectCommands.ReviseEvaluation;
import jp.yumekairo.command.project.ProjectCommands.ReviseTarget;
import jp.yumekairo.command.project.ProjectCommands.SubmitEvaluation;
import jp.yumekairo.command.project.ProjectRefusals.BaselineAfterProjectPeriod;
import jp.yumekairo.command.project.ProjectRefusals.DuplicateKpi;
import jp.yumekairo.command.project.ProjectRefusals.EvaluationAlreadySubmitted;
import jp.yumekairo.command.project.ProjectRefusals.FiscalYearOutsideProjectPeriod;
import jp.yumekairo.command.project.ProjectRefusals.InvalidCost;
import jp.yumekairo.command.project.ProjectRefusals.InvalidProjectPeriod;
import jp.yumekairo.command.project.ProjectRefusals.NoEvaluationToRevise;
import jp.yumekairo.command.project.ProjectRefusals.ParticipantsDoNotMatchScope;
import jp.yumekairo.command.ReasonRequired;
import jp.yumekairo.command.project.ProjectRefusals.ShortfallReasonForUnknownKpi;
import jp.yumekairo.command.project.ProjectRefusals.UnknownKpi;
import jp.yumekairo.command.ValueDoesNotMatchStatus;
import jp.yumekairo.command.web.Handled;
import jp.yumekairo.events.ActualStatus;
import jp.yumekairo.events.Baseline;
import jp.yumekairo.events.Direction;
import jp.yumekairo.events.EffectRating;
import jp.yumekairo.events.Figure;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.GrantProgram;
import jp.yumekairo.events.InvalidValueException;
import jp.yumekairo.events.Measure;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Policy;
import jp.yumekairo.events.ProjectScope;
import jp.yumekairo.events.Sector;
import jp.yumekairo.events.project.ActualRecorded;
import jp.yumekairo.events.project.EvaluationRevised;
import jp.yumekairo.events.project.EvaluationSubmitted;
import jp.yumekairo.events.project.KpiDefined;
import jp.yumekairo.events.project.KpiRenamed;
import jp.yumekairo.events.project.ProjectActivitiesRecorded;
import jp.yumekairo.events.project.ProjectDetailsCorrected;
import jp.yumekairo.events.project.ProjectCostRecorded;
import jp.yumekairo.events.project.ProjectRegistered;
import jp.yumekairo.events.project.TargetRevised;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The rules of a grant project (事業), exercised on 山陽小野田市's 小野田ガラスのブランド化推進事業 (FY2020–2022)
 * with the figures of its effect-verification sheet.
 */
import static jp.yumekairo.command.support.RefusalMatchers.invalidValue;
import static jp.yumekairo.command.support.RefusalMatchers.refusal;

class ProjectTest {

    private static final String PROJECT = "sanyo-onoda-glass";
    private static final String PROJECT_NAME = "小野田ガラスのブランド化推進事業";
    private static final String GLASS_SALES = "glass-sales";
    private static final String SOCIAL_CHANGE = "social-change";

    private static final FiscalYear FY2019 = FiscalYear.of(2019);
    private static final FiscalYear FY2020 = FiscalYear.of(2020);
    private static final FiscalYear FY2021 = FiscalYear.of(2021);
    private static final FiscalYear FY2022 = FiscalYear.of(2022);
    private static final FiscalYear FY2023 = FiscalYear.of(2023);

    private static final MetaData SANYO_ONODA_EDITOR =
            MetaData.from(Actor.editor("sanyo-onoda", MunicipalityCode.SANYO_ONODA).toMetaData());
    private static final MetaData UBE_EDITOR =
            MetaData.from(Actor.editor("ube", MunicipalityCode.UBE).toMetaData());
    private static final MetaData YAMAGUCHI_EDITOR =
            MetaData.from(Actor.editor("yamaguchi", MunicipalityCode.YAMAGUCHI).toMetaData());
    private static final MetaData ADMIN = MetaData.from(Actor.admin("secretariat").toMetaData());
    private static final MetaData PREFECTURE =
            MetaData.from(new Actor("prefecture", Role.PREFECTURE, null, null).toMetaData());
    private static final MetaData AUDITOR =
            MetaData.from(new Actor("auditor", Role.AUDITOR, null, null).toMetaData());
    private static final MetaData REVIEWER =
            MetaData.from(new Actor("reviewer", Role.REVIEWER, null, Sector.ACADEMIA).toMetaData());

    private FixtureConfiguration<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    // --- the project's figures -------------------------------------------------------------------------------

    private static RegisterProject register() {
        return new RegisterProject(PROJECT, MunicipalityCode.SANYO_ONODA, List.of(), PROJECT_NAME,
                "小野田ガラスのブランド化を推進する", ProjectScope.SINGLE,
                GrantProgram.REGIONAL_REVITALIZATION_PROMOTION, null, FY2020, FY2022);
    }

    private static RegisterProject register(ProjectScope scope, List<MunicipalityCode> participants) {
        return new RegisterProject(PROJECT, MunicipalityCode.SANYO_ONODA, participants, PROJECT_NAME,
                "小野田ガラスのブランド化を推進する", scope, GrantProgram.REGIONAL_REVITALIZATION_PROMOTION, null,
                FY2020, FY2022);
    }

    private static ProjectRegistered registered() {
        return new ProjectRegistered(PROJECT, MunicipalityCode.SANYO_ONODA, List.of(), PROJECT_NAME,
                "小野田ガラスのブランド化を推進する", ProjectScope.SINGLE,
                GrantProgram.REGIONAL_REVITALIZATION_PROMOTION, null, FY2020, FY2022);
    }

    private static DefineKpi defineGlassSales() {
        return new DefineKpi(PROJECT, GLASS_SALES, "ブランド化したガラス商品の販売額", "円", Direction.HIGHER_IS_BETTER,
                Measure.ABSOLUTE, new Baseline(BigDecimal.ZERO, FY2019), null, null);
    }

    private static KpiDefined glassSalesDefined() {
        return new KpiDefined(PROJECT, GLASS_SALES, "ブランド化したガラス商品の販売額", "円", Direction.HIGHER_IS_BETTER,
                Measure.ABSOLUTE, new Baseline(BigDecimal.ZERO, FY2019), null);
    }

    private static KpiDefined socialChangeDefined() {
        return new KpiDefined(PROJECT, SOCIAL_CHANGE, "20~39歳の社会動態数", "人", Direction.HIGHER_IS_BETTER,
                Measure.ABSOLUTE, new Baseline(BigDecimal.valueOf(-65), FY2019), null);
    }

    private static ReviseTarget target(String kpiId, FiscalYear year, BigDecimal value, String reason) {
        return new ReviseTarget(PROJECT, kpiId, year, value, reason, null);
    }

    private static TargetRevised targetRevised(String kpiId, FiscalYear year, long value, String unit, String reason) {
        return new TargetRevised(PROJECT, kpiId, year, Figure.of(value, unit), reason);
    }

    private static RecordActual actual(String kpiId, FiscalYear year, BigDecimal value, ActualStatus status,
                                       String reason) {
        return new RecordActual(PROJECT, kpiId, year, value, status, null, null, reason, null);
    }

    private static ActualRecorded actualRecorded(String kpiId, FiscalYear year, Figure value, ActualStatus status,
                                                 String reason) {
        return new ActualRecorded(PROJECT, kpiId, year, value, status, null, null, reason);
    }

    private static RecordProjectCost cost(long total, Long grant, String reason) {
        return new RecordProjectCost(PROJECT, FY2021, total, grant, reason, null);
    }

    private static final String SHORTFALL = "目標値 10,000,000円に対し実績 134,280円にとどまった";

    private static SubmitEvaluation evaluation(FiscalYear year, Map<String, String> shortfallReasons) {
        return new SubmitEvaluation(PROJECT, year, EffectRating.EFFECTIVE, Policy.CONTINUE,
                "ブランド商品の販路開拓を進めた", "販路の拡大を続けるため", null, null, null, shortfallReasons, null);
    }

    private static EvaluationSubmitted evaluationSubmitted(FiscalYear year, Map<String, String> shortfallReasons) {
        return new EvaluationSubmitted(PROJECT, year, EffectRating.EFFECTIVE, Policy.CONTINUE,
                "ブランド商品の販路開拓を進めた", "販路の拡大を続けるため", null, null, null, shortfallReasons);
    }

    private static ReviseEvaluation revision(Map<String, String> shortfallReasons, String reason) {
        return new ReviseEvaluation(PROJECT, FY2021, EffectRating.EFFECTIVE, Policy.IMPROVE,
                "ブランド商品の販路開拓を進めた", "", null, null, "販売チャネルを見直す", shortfallReasons, reason, null);
    }



    // --- RegisterProject -------------------------------------------------------------------------------------

    @Test
    void registerProject_succeeds_forTheLeadsEditor() {
        fixture.givenNoPriorActivity()
                .when(register(), SANYO_ONODA_EDITOR)
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered());
    }

    @Test
    void registerProject_succeeds_forAWideAreaProjectWithParticipants() {
        fixture.givenNoPriorActivity()
                .when(register(ProjectScope.WIDE_AREA, List.of(MunicipalityCode.UBE, MunicipalityCode.MINE)),
                        SANYO_ONODA_EDITOR)
                .expectEvents(new ProjectRegistered(PROJECT, MunicipalityCode.SANYO_ONODA,
                        List.of(MunicipalityCode.UBE, MunicipalityCode.MINE), PROJECT_NAME,
                        "小野田ガラスのブランド化を推進する", ProjectScope.WIDE_AREA,
                        GrantProgram.REGIONAL_REVITALIZATION_PROMOTION, null, FY2020, FY2022));
    }

    @Test
    void registerProject_isRejected_forAnotherMembersEditor() {
        fixture.givenNoPriorActivity()
                .when(register(), UBE_EDITOR)
                .expectException(refusal(NotPermitted.class, "not-permitted"))
                .expectNoEvents();
    }

    @Test
    void registerProject_isRejected_forThePrefecture() {
        fixture.givenNoPriorActivity()
                .when(register(), PREFECTURE)
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void registerProject_isRejected_forAnAuditor() {
        fixture.givenNoPriorActivity()
                .when(register(), AUDITOR)
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void registerProject_isRejected_forAReviewer() {
        fixture.givenNoPriorActivity()
                .when(register(), REVIEWER)
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void registerProject_isRejected_forTheSecretariatAdmin() {
        fixture.givenNoPriorActivity()
                .when(register(), ADMIN)
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void registerProject_isRejected_forANonEditorRole_evenWhenBoundToTheLead() {
        MetaData prefectureOfSanyoOnoda = MetaData.from(
                new Actor("prefecture", Role.PREFECTURE, MunicipalityCode.SANYO_ONODA, null).toMetaData());
        fixture.givenNoPriorActivity()
                .when(register(), prefectureOfSanyoOnoda)
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void registerProject_isRejected_withoutAnyActorMetadata() {
        fixture.givenNoPriorActivity()
                .when(register())
                .expectException(refusal(NotPermitted.class, "not-permitted"))
                .expectExceptionMessage("the command names no signed-in person")
                .expectNoEvents();
    }

    @Test
    void registerProject_isRejected_whenTheFirstYearIsAfterTheLast() {
        RegisterProject backwards = new RegisterProject(PROJECT, MunicipalityCode.SANYO_ONODA, List.of(),
                PROJECT_NAME, null, ProjectScope.SINGLE, GrantProgram.REGIONAL_REVITALIZATION_PROMOTION, null,
                FY2022, FY2020);
        fixture.givenNoPriorActivity()
                .when(backwards, SANYO_ONODA_EDITOR)
                .expectException(refusal(InvalidProjectPeriod.class, "invalid-project-period"))
                .expectNoEvents();
    }

    @Test
    void registerProject_isRejected_whenASingleProjectHasParticipants() {
        fixture.givenNoPriorActivity()
                .when(register(ProjectScope.SINGLE, List.of(MunicipalityCode.UBE)), SANYO_ONODA_EDITOR)
                .expectException(refusal(ParticipantsDoNotMatchScope.class, "participants-do-not-match-scope"))
                .expectNoEvents();
    }

    @Test
    void registerProject_isRejected_whenAWideAreaProjectHasNoParticipants() {
        fixture.givenNoPriorActivity()
                .when(register(ProjectScope.WIDE_AREA, List.of()), SANYO_ONODA_EDITOR)
                .expectException(ParticipantsDoNotMatchScope.class)
                .expectNoEvents();
    }

    @Test
    void registerProject_isRejected_whenTheLeadIsListedAsAParticipant() {
        fixture.givenNoPriorActivity()
                .when(register(ProjectScope.WIDE_AREA,
                        List.of(MunicipalityCode.UBE, MunicipalityCode.SANYO_ONODA)), SANYO_ONODA_EDITOR)
                .expectException(ParticipantsDoNotMatchScope.class)
                .expectExceptionMessage("the lead municipality is not also a participant")
                .expectNoEvents();
    }

    @Test
    void registerProject_isRejected_whenAParticipantIsNamedTwice() {
        fixture.givenNoPriorActivity()
                .when(register(ProjectScope.WIDE_AREA, List.of(MunicipalityCode.UBE, MunicipalityCode.UBE)),
                        SANYO_ONODA_EDITOR)
                .expectException(ParticipantsDoNotMatchScope.class)
                .expectExceptionMessage("a participating member is named twice")
                .expectNoEvents();
    }

    // --- DefineKpi -------------------------------------------------------------------------------------------

    @Test
    void defineKpi_succeeds_forTheLeadsEditor() {
        fixture.given(registered())
                .when(defineGlassSales(), SANYO_ONODA_EDITOR)
                .expectEvents(glassSalesDefined())
                .expectResultMessagePayload(new Handled(1L, Map.of("kpiId", GLASS_SALES)));
    }

    @Test
    void defineKpi_keepsANegativeBaseline() {
        DefineKpi socialChange = new DefineKpi(PROJECT, SOCIAL_CHANGE, "20~39歳の社会動態数", "人",
                Direction.HIGHER_IS_BETTER, Measure.ABSOLUTE, new Baseline(BigDecimal.valueOf(-65), FY2019),
                null, null);
        fixture.given(registered(), glassSalesDefined())
                .when(socialChange, SANYO_ONODA_EDITOR)
                .expectEvents(socialChangeDefined())
                .expectResultMessagePayload(new Handled(2L, Map.of("kpiId", SOCIAL_CHANGE)));
    }

    @Test
    void defineKpi_isRejected_whenTheKpiIdIsAlreadyDefined() {
        fixture.given(registered(), glassSalesDefined())
                .when(defineGlassSales(), SANYO_ONODA_EDITOR)
                .expectException(refusal(DuplicateKpi.class, "duplicate-kpi-id"))
                .expectNoEvents();
    }

    @Test
    void defineKpi_isRejected_whenTheBaselineYearIsAfterTheProjectPeriod() {
        DefineKpi late = new DefineKpi(PROJECT, GLASS_SALES, "ブランド化したガラス商品の販売額", "円",
                Direction.HIGHER_IS_BETTER, Measure.ABSOLUTE, new Baseline(BigDecimal.ZERO, FY2023), null, null);
        fixture.given(registered())
                .when(late, SANYO_ONODA_EDITOR)
                .expectException(refusal(BaselineAfterProjectPeriod.class, "baseline-after-project-period"))
                .expectNoEvents();
    }

    @Test
    void defineKpi_acceptsAnUnknownBaseline_orAnUnknownBaselineYear_asTheReportsOftenGiveNone() {
        DefineKpi noBaseline = new DefineKpi(PROJECT, "mice", "MICE誘致件数", "件", Direction.HIGHER_IS_BETTER,
                Measure.ABSOLUTE, null, null, null);
        DefineKpi noYear = new DefineKpi(PROJECT, "visitors", "きららガラス未来館の来客数", "人", Direction.HIGHER_IS_BETTER,
                Measure.ABSOLUTE, new Baseline(BigDecimal.valueOf(12_672), null), null, null);
        fixture.given(registered())
                .when(noBaseline, SANYO_ONODA_EDITOR)
                .expectEvents(new KpiDefined(PROJECT, "mice", "MICE誘致件数", "件", Direction.HIGHER_IS_BETTER,
                        Measure.ABSOLUTE, null, null));
        fixture.given(registered())
                .when(noYear, SANYO_ONODA_EDITOR)
                .expectEvents(new KpiDefined(PROJECT, "visitors", "きららガラス未来館の来客数", "人",
                        Direction.HIGHER_IS_BETTER, Measure.ABSOLUTE, new Baseline(BigDecimal.valueOf(12_672), null), null));
    }

    @Test
    void defineKpi_acceptsABaselineInTheProjectsLastYear() {
        DefineKpi lastYear = new DefineKpi(PROJECT, GLASS_SALES, "ブランド化したガラス商品の販売額", "円",
                Direction.HIGHER_IS_BETTER, Measure.ABSOLUTE, new Baseline(BigDecimal.ZERO, FY2022), null, null);
        fixture.given(registered())
                .when(lastYear, SANYO_ONODA_EDITOR)
                .expectEvents(new KpiDefined(PROJECT, GLASS_SALES, "ブランド化したガラス商品の販売額", "円",
                        Direction.HIGHER_IS_BETTER, Measure.ABSOLUTE, new Baseline(BigDecimal.ZERO, FY2022), null));
    }

    @Test
    void defineKpi_isRejected_whenTheFinalTargetIsAbsurd() {
        DefineKpi absurd = new DefineKpi(PROJECT, GLASS_SALES, "ブランド化したガラス商品の販売額", "円",
                Direction.HIGHER_IS_BETTER, Measure.ABSOLUTE, new Baseline(BigDecimal.ZERO, FY2019),
                new BigDecimal("1e400"), null);
        fixture.given(registered())
                .when(absurd, SANYO_ONODA_EDITOR)
                .expectException(invalidValue("figure-out-of-range"))
                .expectNoEvents();
    }

    @Test
    void defineKpi_isRejected_forAnotherMembersEditor() {
        fixture.given(registered())
                .when(defineGlassSales(), UBE_EDITOR)
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void defineKpi_isRejected_forTheSecretariatAdmin() {
        fixture.given(registered())
                .when(defineGlassSales(), ADMIN)
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    // --- ReviseTarget ----------------------------------------------------------------------------------------

    @Test
    void reviseTarget_setsTheFirstTarget_withoutAReason() {
        fixture.given(registered(), glassSalesDefined())
                .when(target(GLASS_SALES, FY2021, new BigDecimal("10000000"), null), SANYO_ONODA_EDITOR)
                .expectEvents(targetRevised(GLASS_SALES, FY2021, 10_000_000, "円", null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void reviseTarget_needsAReason_whenTheYearAlreadyHasATarget() {
        fixture.given(registered(), glassSalesDefined(), targetRevised(GLASS_SALES, FY2021, 10_000_000, "円", null))
                .when(target(GLASS_SALES, FY2021, new BigDecimal("5000000"), null), SANYO_ONODA_EDITOR)
                .expectException(refusal(ReasonRequired.class, "reason-required"))
                .expectNoEvents();
    }

    @Test
    void reviseTarget_needsANonBlankReason_whenTheYearAlreadyHasATarget() {
        fixture.given(registered(), glassSalesDefined(), targetRevised(GLASS_SALES, FY2021, 10_000_000, "円", null))
                .when(target(GLASS_SALES, FY2021, new BigDecimal("5000000"), "  "), SANYO_ONODA_EDITOR)
                .expectException(ReasonRequired.class)
                .expectNoEvents();
    }

    @Test
    void reviseTarget_revisesTheTarget_withAReason() {
        fixture.given(registered(), glassSalesDefined(), targetRevised(GLASS_SALES, FY2021, 10_000_000, "円", null))
                .when(target(GLASS_SALES, FY2021, new BigDecimal("5000000"), "販売計画の見直し"), SANYO_ONODA_EDITOR)
                .expectEvents(targetRevised(GLASS_SALES, FY2021, 5_000_000, "円", "販売計画の見直し"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void reviseTarget_changesNothing_whenTheValueIsTheSame() {
        fixture.given(registered(), glassSalesDefined(), targetRevised(GLASS_SALES, FY2021, 10_000_000, "円", null))
                .when(target(GLASS_SALES, FY2021, new BigDecimal("10000000.00"), null), SANYO_ONODA_EDITOR)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void reviseTarget_isRejected_whenTheYearIsBeforeTheProjectPeriod() {
        fixture.given(registered(), glassSalesDefined())
                .when(target(GLASS_SALES, FY2019, new BigDecimal("10000000"), null), SANYO_ONODA_EDITOR)
                .expectException(refusal(FiscalYearOutsideProjectPeriod.class, "fiscal-year-outside-project-period"))
                .expectNoEvents();
    }

    @Test
    void reviseTarget_isRejected_whenTheYearIsAfterTheProjectPeriod() {
        fixture.given(registered(), glassSalesDefined())
                .when(target(GLASS_SALES, FY2023, new BigDecimal("10000000"), null), SANYO_ONODA_EDITOR)
                .expectException(FiscalYearOutsideProjectPeriod.class)
                .expectNoEvents();
    }

    @Test
    void reviseTarget_isRejected_forAnUnknownKpi() {
        fixture.given(registered(), glassSalesDefined())
                .when(target("visitors", FY2021, new BigDecimal("1000"), null), SANYO_ONODA_EDITOR)
                .expectException(refusal(UnknownKpi.class, "unknown-kpi"))
                .expectNoEvents();
    }

    @Test
    void reviseTarget_isRejected_forAnAbsurdNumber() {
        fixture.given(registered(), glassSalesDefined())
                .when(target(GLASS_SALES, FY2021, new BigDecimal("1e400"), null), SANYO_ONODA_EDITOR)
                .expectException(invalidValue("figure-out-of-range"))
                .expectNoEvents();
    }

    @Test
    void reviseTarget_acceptsATargetOfZero_forTheSocialChange() {
        fixture.given(registered(), socialChangeDefined())
                .when(target(SOCIAL_CHANGE, FY2020, BigDecimal.ZERO, null), SANYO_ONODA_EDITOR)
                .expectEvents(targetRevised(SOCIAL_CHANGE, FY2020, 0, "人", null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void reviseTarget_acceptsANegativeTarget() {
        fixture.given(registered(), socialChangeDefined())
                .when(target(SOCIAL_CHANGE, FY2021, BigDecimal.valueOf(-65), null), SANYO_ONODA_EDITOR)
                .expectEvents(targetRevised(SOCIAL_CHANGE, FY2021, -65, "人", null));
    }

    @Test
    void reviseTarget_isRejected_whenMunicipalityDiffers() {
        fixture.given(registered(), glassSalesDefined())
                .when(target(GLASS_SALES, FY2021, new BigDecimal("10000000"), null), UBE_EDITOR)
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    // --- RecordActual ----------------------------------------------------------------------------------------

    @Test
    void recordActual_recordsTheFirstActual() {
        fixture.given(registered(), glassSalesDefined())
                .when(actual(GLASS_SALES, FY2021, new BigDecimal("134280"), ActualStatus.CONFIRMED, null),
                        SANYO_ONODA_EDITOR)
                .expectEvents(actualRecorded(GLASS_SALES, FY2021, Figure.of(134_280, "円"), ActualStatus.CONFIRMED, null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void recordActual_acceptsANegativeActual_forTheSocialChange() {
        fixture.given(registered(), socialChangeDefined(), targetRevised(SOCIAL_CHANGE, FY2020, 0, "人", null))
                .when(actual(SOCIAL_CHANGE, FY2020, BigDecimal.valueOf(-339), ActualStatus.CONFIRMED, null),
                        SANYO_ONODA_EDITOR)
                .expectEvents(actualRecorded(SOCIAL_CHANGE, FY2020, Figure.of(-339, "人"), ActualStatus.CONFIRMED, null))
                .expectResultMessagePayload(3L);
    }

    @Test
    void recordActual_keepsSourceAndNote() {
        RecordActual withSource = new RecordActual(PROJECT, GLASS_SALES, FY2021, new BigDecimal("134280"),
                ActualStatus.CONFIRMED, "効果検証シート", "ブランド化したガラス商品の販売額", null, null);
        fixture.given(registered(), glassSalesDefined())
                .when(withSource, SANYO_ONODA_EDITOR)
                .expectEvents(new ActualRecorded(PROJECT, GLASS_SALES, FY2021, Figure.of(134_280, "円"),
                        ActualStatus.CONFIRMED, "効果検証シート", "ブランド化したガラス商品の販売額", ""));
    }

    @Test
    void recordActual_needsAReason_whenCorrectingARecordedActual() {
        fixture.given(registered(), glassSalesDefined(),
                        actualRecorded(GLASS_SALES, FY2021, Figure.of(134_280, "円"), ActualStatus.PROVISIONAL, null))
                .when(actual(GLASS_SALES, FY2021, new BigDecimal("134280"), ActualStatus.CONFIRMED, null),
                        SANYO_ONODA_EDITOR)
                .expectException(refusal(ReasonRequired.class, "reason-required"))
                .expectNoEvents();
    }

    @Test
    void recordActual_correctsAProvisionalActual_withAReason() {
        fixture.given(registered(), glassSalesDefined(),
                        actualRecorded(GLASS_SALES, FY2021, Figure.of(134_280, "円"), ActualStatus.PROVISIONAL, null))
                .when(actual(GLASS_SALES, FY2021, new BigDecimal("134280"), ActualStatus.CONFIRMED, "速報値を確定値に更新"),
                        SANYO_ONODA_EDITOR)
                .expectEvents(actualRecorded(GLASS_SALES, FY2021, Figure.of(134_280, "円"), ActualStatus.CONFIRMED,
                        "速報値を確定値に更新"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void recordActual_changesNothing_whenTheSameActualIsRecordedAgain() {
        fixture.given(registered(), glassSalesDefined(),
                        actualRecorded(GLASS_SALES, FY2021, Figure.of(134_280, "円"), ActualStatus.CONFIRMED, null))
                .when(actual(GLASS_SALES, FY2021, new BigDecimal("134280.0"), ActualStatus.CONFIRMED, null),
                        SANYO_ONODA_EDITOR)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void recordActual_isRejected_whenPendingHasAValue() {
        fixture.given(registered(), glassSalesDefined())
                .when(actual(GLASS_SALES, FY2021, new BigDecimal("134280"), ActualStatus.PENDING, null),
                        SANYO_ONODA_EDITOR)
                .expectException(refusal(ValueDoesNotMatchStatus.class, "value-does-not-match-status"))
                .expectNoEvents();
    }

    @Test
    void recordActual_isRejected_whenConfirmedHasNoValue() {
        fixture.given(registered(), glassSalesDefined())
                .when(actual(GLASS_SALES, FY2021, null, ActualStatus.CONFIRMED, null), SANYO_ONODA_EDITOR)
                .expectException(ValueDoesNotMatchStatus.class)
                .expectNoEvents();
    }

    @Test
    void recordActual_recordsNotApplicable_withoutAValue() {
        fixture.given(registered(), glassSalesDefined())
                .when(actual(GLASS_SALES, FY2020, null, ActualStatus.NOT_APPLICABLE, null), SANYO_ONODA_EDITOR)
                .expectEvents(actualRecorded(GLASS_SALES, FY2020, null, ActualStatus.NOT_APPLICABLE, null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void recordActual_isRejected_forAnUnknownKpi() {
        fixture.given(registered(), glassSalesDefined())
                .when(actual("visitors", FY2021, new BigDecimal("10"), ActualStatus.CONFIRMED, null),
                        SANYO_ONODA_EDITOR)
                .expectException(UnknownKpi.class)
                .expectNoEvents();
    }

    @Test
    void recordActual_isRejected_whenTheYearIsOutsideTheProjectPeriod() {
        fixture.given(registered(), glassSalesDefined())
                .when(actual(GLASS_SALES, FY2023, new BigDecimal("134280"), ActualStatus.CONFIRMED, null),
                        SANYO_ONODA_EDITOR)
                .expectException(FiscalYearOutsideProjectPeriod.class)
                .expectNoEvents();
    }

    @Test
    void recordActual_isRejected_forAnAbsurdNumber() {
        fixture.given(registered(), glassSalesDefined())
                .when(actual(GLASS_SALES, FY2021, new BigDecimal("1e400"), ActualStatus.CONFIRMED, null),
                        SANYO_ONODA_EDITOR)
                .expectException(invalidValue("figure-out-of-range"))
                .expectNoEvents();
    }

    @Test
    void recordActual_isRejected_whenMunicipalityDiffers() {
        fixture.given(registered(), glassSalesDefined())
                .when(actual(GLASS_SALES, FY2021, new BigDecimal("134280"), ActualStatus.CONFIRMED, null),
                        YAMAGUCHI_EDITOR)
                .expectException(refusal(NotPermitted.class, "not-permitted"))
                .expectNoEvents();
    }

    // --- RecordProjectCost -----------------------------------------------------------------------------------

    @Test
    void recordProjectCost_recordsTotalCostAndGrant() {
        fixture.given(registered())
                .when(cost(40_404_482, 20_202_241L, null), SANYO_ONODA_EDITOR)
                .expectEvents(new ProjectCostRecorded(PROJECT, FY2021, 40_404_482, 20_202_241L, null))
                .expectResultMessagePayload(1L);
    }

    @Test
    void recordProjectCost_isRejected_whenTheGrantExceedsTheCost() {
        fixture.given(registered())
                .when(cost(20_202_241, 40_404_482L, null), SANYO_ONODA_EDITOR)
                .expectException(refusal(InvalidCost.class, "invalid-cost"))
                .expectNoEvents();
    }

    @Test
    void recordProjectCost_isRejected_whenACostIsNegative() {
        fixture.given(registered())
                .when(cost(-40_404_482, -20_202_241L, null), SANYO_ONODA_EDITOR)
                .expectException(InvalidCost.class)
                .expectExceptionMessage("costs are amounts in yen and cannot be negative")
                .expectNoEvents();
    }

    @Test
    void recordProjectCost_needsAReason_whenCorrectingARecordedCost() {
        fixture.given(registered(), new ProjectCostRecorded(PROJECT, FY2021, 40_404_482, 20_202_241L, null))
                .when(cost(40_404_000, 20_202_000L, null), SANYO_ONODA_EDITOR)
                .expectException(refusal(ReasonRequired.class, "reason-required"))
                .expectNoEvents();
    }

    @Test
    void recordProjectCost_correctsARecordedCost_withAReason() {
        fixture.given(registered(), new ProjectCostRecorded(PROJECT, FY2021, 40_404_000, 20_202_000L, null))
                .when(cost(40_404_482, 20_202_241L, "精算額に更新"), SANYO_ONODA_EDITOR)
                .expectEvents(new ProjectCostRecorded(PROJECT, FY2021, 40_404_482, 20_202_241L, "精算額に更新"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void recordProjectCost_changesNothing_whenTheSameCostIsRecordedAgain() {
        fixture.given(registered(), new ProjectCostRecorded(PROJECT, FY2021, 40_404_482, 20_202_241L, null))
                .when(cost(40_404_482, 20_202_241L, null), SANYO_ONODA_EDITOR)
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void recordProjectCost_isRejected_whenTheYearIsOutsideTheProjectPeriod() {
        fixture.given(registered())
                .when(new RecordProjectCost(PROJECT, FY2023, 40_404_482, 20_202_241L, null, null), SANYO_ONODA_EDITOR)
                .expectException(FiscalYearOutsideProjectPeriod.class)
                .expectNoEvents();
    }

    @Test
    void recordProjectCost_isRejected_whenMunicipalityDiffers() {
        fixture.given(registered())
                .when(cost(40_404_482, 20_202_241L, null), UBE_EDITOR)
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    // --- SubmitEvaluation / ReviseEvaluation -----------------------------------------------------------------

    @Test
    void submitEvaluation_recordsTheEvaluation_withShortfallReasons() {
        fixture.given(registered(), glassSalesDefined())
                .when(evaluation(FY2021, Map.of(GLASS_SALES, SHORTFALL)), SANYO_ONODA_EDITOR)
                .expectEvents(evaluationSubmitted(FY2021, Map.of(GLASS_SALES, SHORTFALL)))
                .expectResultMessagePayload(2L);
    }

    @Test
    void submitEvaluation_isRejected_whenTheYearWasAlreadyEvaluated() {
        fixture.given(registered(), glassSalesDefined(), evaluationSubmitted(FY2021, Map.of(GLASS_SALES, SHORTFALL)))
                .when(evaluation(FY2021, Map.of()), SANYO_ONODA_EDITOR)
                .expectException(refusal(EvaluationAlreadySubmitted.class, "evaluation-already-submitted"))
                .expectNoEvents();
    }

    @Test
    void submitEvaluation_acceptsAnotherYear_afterOneWasEvaluated() {
        fixture.given(registered(), glassSalesDefined(), evaluationSubmitted(FY2021, Map.of(GLASS_SALES, SHORTFALL)))
                .when(evaluation(FY2022, null), SANYO_ONODA_EDITOR)
                .expectEvents(evaluationSubmitted(FY2022, null))
                .expectResultMessagePayload(3L);
    }

    @Test
    void submitEvaluation_isRejected_whenAShortfallReasonNamesAnUnknownKpi() {
        fixture.given(registered(), glassSalesDefined())
                .when(evaluation(FY2021, Map.of("visitors", SHORTFALL)), SANYO_ONODA_EDITOR)
                .expectException(refusal(ShortfallReasonForUnknownKpi.class, "unknown-kpi"))
                .expectNoEvents();
    }

    @Test
    void submitEvaluation_isRejected_whenTheYearIsOutsideTheProjectPeriod() {
        fixture.given(registered(), glassSalesDefined())
                .when(evaluation(FY2023, null), SANYO_ONODA_EDITOR)
                .expectException(FiscalYearOutsideProjectPeriod.class)
                .expectNoEvents();
    }

    @Test
    void submitEvaluation_isRejected_whenMunicipalityDiffers() {
        fixture.given(registered(), glassSalesDefined())
                .when(evaluation(FY2021, null), UBE_EDITOR)
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void reviseEvaluation_isRejected_whenNothingWasSubmitted() {
        fixture.given(registered(), glassSalesDefined())
                .when(revision(Map.of(GLASS_SALES, SHORTFALL), "方針の見直し"), SANYO_ONODA_EDITOR)
                .expectException(refusal(NoEvaluationToRevise.class, "no-evaluation-to-revise"))
                .expectNoEvents();
    }

    @Test
    void reviseEvaluation_needsAReason() {
        fixture.given(registered(), glassSalesDefined(), evaluationSubmitted(FY2021, Map.of(GLASS_SALES, SHORTFALL)))
                .when(revision(Map.of(GLASS_SALES, SHORTFALL), null), SANYO_ONODA_EDITOR)
                .expectException(refusal(ReasonRequired.class, "reason-required"))
                .expectNoEvents();
    }

    @Test
    void reviseEvaluation_isRejected_whenAShortfallReasonNamesAnUnknownKpi() {
        fixture.given(registered(), glassSalesDefined(), evaluationSubmitted(FY2021, Map.of(GLASS_SALES, SHORTFALL)))
                .when(revision(Map.of("visitors", SHORTFALL), "方針の見直し"), SANYO_ONODA_EDITOR)
                .expectException(ShortfallReasonForUnknownKpi.class)
                .expectNoEvents();
    }

    @Test
    void reviseEvaluation_revisesTheEvaluation_withAReason() {
        fixture.given(registered(), glassSalesDefined(), evaluationSubmitted(FY2021, Map.of(GLASS_SALES, SHORTFALL)))
                .when(revision(Map.of(GLASS_SALES, SHORTFALL), "方針の見直し"), SANYO_ONODA_EDITOR)
                .expectEvents(new EvaluationRevised(PROJECT, FY2021, EffectRating.EFFECTIVE, Policy.IMPROVE,
                        "ブランド商品の販路開拓を進めた", "", null, null, "販売チャネルを見直す",
                        Map.of(GLASS_SALES, SHORTFALL), "方針の見直し"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void reviseEvaluation_isRejected_whenMunicipalityDiffers() {
        fixture.given(registered(), glassSalesDefined(), evaluationSubmitted(FY2021, Map.of(GLASS_SALES, SHORTFALL)))
                .when(revision(Map.of(GLASS_SALES, SHORTFALL), "方針の見直し"), UBE_EDITOR)
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    // --- ids the project makes, unknown 交付実績 ---------------------------------------------------------------

    @Test
    void defineKpi_numbersTheKpi_whenNoIdIsGiven() {
        DefineKpi unnamed = new DefineKpi(PROJECT, null, "きららガラス未来館の来客数", "人", Direction.HIGHER_IS_BETTER,
                Measure.ABSOLUTE, null, null, null);
        fixture.given(registered(), glassSalesDefined(), new KpiDefined(PROJECT, "kpi-2", "来客数", "人",
                        Direction.HIGHER_IS_BETTER, Measure.ABSOLUTE, null, null))
                .when(unnamed, SANYO_ONODA_EDITOR)
                .expectEvents(new KpiDefined(PROJECT, "kpi-3", "きららガラス未来館の来客数", "人",
                        Direction.HIGHER_IS_BETTER, Measure.ABSOLUTE, null, null))
                .expectResultMessagePayload(new Handled(3L, Map.of("kpiId", "kpi-3")));
    }

    @Test
    void recordProjectCost_keepsAnUnknownGrantUnknown() {
        fixture.given(registered())
                .when(cost(40_404_482, null, null), SANYO_ONODA_EDITOR)
                .expectEvents(new ProjectCostRecorded(PROJECT, FY2021, 40_404_482, null, null))
                .expectResultMessagePayload(1L);
    }

    @Test
    void recordProjectCost_needsAReason_whenTheUnknownGrantBecomesKnown() {
        fixture.given(registered(), new ProjectCostRecorded(PROJECT, FY2021, 40_404_482, null, null))
                .when(cost(40_404_482, 20_202_241L, null), SANYO_ONODA_EDITOR)
                .expectException(refusal(ReasonRequired.class, "reason-required"))
                .expectNoEvents();
    }

    @Test
    void submitEvaluation_keepsTheReasonForThePolicy() {
        fixture.given(registered(), glassSalesDefined())
                .when(evaluation(FY2021, Map.of()), SANYO_ONODA_EDITOR)
                .expectEvents(evaluationSubmitted(FY2021, Map.of()));
    }

    // --- RecordActivities ------------------------------------------------------------------------------------

    private static final String ACTIVITIES = "【ガラス作家の育成】 ○工房の運営を支援した。";

    @Test
    void recordActivities_recordsTheYearsActivities() {
        fixture.given(registered())
                .when(new RecordActivities(PROJECT, FY2021, ACTIVITIES, null, null), SANYO_ONODA_EDITOR)
                .expectEvents(new ProjectActivitiesRecorded(PROJECT, FY2021, ACTIVITIES, null))
                .expectResultMessagePayload(1L);
    }

    @Test
    void recordActivities_needsAReason_whenCorrectingThem() {
        fixture.given(registered(), new ProjectActivitiesRecorded(PROJECT, FY2021, ACTIVITIES, null))
                .when(new RecordActivities(PROJECT, FY2021, ACTIVITIES + " ○展示会を開催した。", " ", null),
                        SANYO_ONODA_EDITOR)
                .expectException(refusal(ReasonRequired.class, "reason-required"))
                .expectNoEvents();
    }

    @Test
    void recordActivities_changesNothing_whenTheSameTextIsRecordedAgain() {
        fixture.given(registered(), new ProjectActivitiesRecorded(PROJECT, FY2021, ACTIVITIES, null))
                .when(new RecordActivities(PROJECT, FY2021, ACTIVITIES, null, null), SANYO_ONODA_EDITOR)
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void recordActivities_isRejected_outsideTheProjectPeriod_orForAnotherMember() {
        fixture.given(registered())
                .when(new RecordActivities(PROJECT, FY2023, ACTIVITIES, null, null), SANYO_ONODA_EDITOR)
                .expectException(FiscalYearOutsideProjectPeriod.class)
                .expectNoEvents();
        fixture.given(registered())
                .when(new RecordActivities(PROJECT, FY2021, ACTIVITIES, null, null), UBE_EDITOR)
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    // --- CorrectProjectDetails -------------------------------------------------------------------------------

    private static CorrectProjectDetails details(String name, List<MunicipalityCode> participants, String reason) {
        return new CorrectProjectDetails(PROJECT, name, "小野田ガラスのブランド化を推進する", "商工労働課", participants,
                reason, null);
    }

    @Test
    void correctDetails_correctsTheDescriptiveFields_withAReason() {
        fixture.given(registered())
                .when(details("小野田ガラスブランド化推進事業", List.of(), "公表資料の名称に合わせる"), SANYO_ONODA_EDITOR)
                .expectEvents(new ProjectDetailsCorrected(PROJECT, "小野田ガラスブランド化推進事業",
                        "小野田ガラスのブランド化を推進する", "商工労働課", List.of(), "公表資料の名称に合わせる"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void correctDetails_needsAReason() {
        fixture.given(registered())
                .when(details("小野田ガラスブランド化推進事業", List.of(), ""), SANYO_ONODA_EDITOR)
                .expectException(refusal(ReasonRequired.class, "reason-required"))
                .expectNoEvents();
    }

    @Test
    void correctDetails_refusesParticipants_ofASingleMembersProject() {
        fixture.given(registered())
                .when(details(PROJECT_NAME, List.of(MunicipalityCode.UBE), "参加市町の追加"), SANYO_ONODA_EDITOR)
                .expectException(refusal(ParticipantsDoNotMatchScope.class, "participants-do-not-match-scope"))
                .expectNoEvents();
    }

    @Test
    void correctDetails_ofAWideAreaProject_refusesTheLeadAsParticipant_andNoParticipants() {
        ProjectRegistered wide = new ProjectRegistered(PROJECT, MunicipalityCode.SANYO_ONODA,
                List.of(MunicipalityCode.UBE), PROJECT_NAME, "", ProjectScope.WIDE_AREA,
                GrantProgram.REGIONAL_REVITALIZATION_PROMOTION, null, FY2020, FY2022);
        fixture.given(wide)
                .when(details(PROJECT_NAME, List.of(MunicipalityCode.SANYO_ONODA), "参加市町の訂正"), SANYO_ONODA_EDITOR)
                .expectException(refusal(ParticipantsDoNotMatchScope.class, "participants-do-not-match-scope"))
                .expectNoEvents();
        fixture.given(wide)
                .when(details(PROJECT_NAME, List.of(), "参加市町の訂正"), SANYO_ONODA_EDITOR)
                .expectException(ParticipantsDoNotMatchScope.class)
                .expectNoEvents();
        fixture.given(wide)
                .when(details(PROJECT_NAME, List.of(MunicipalityCode.UBE, MunicipalityCode.HOFU), "防府市の参加"),
                        SANYO_ONODA_EDITOR)
                .expectEvents(new ProjectDetailsCorrected(PROJECT, PROJECT_NAME, "小野田ガラスのブランド化を推進する",
                        "商工労働課", List.of(MunicipalityCode.UBE, MunicipalityCode.HOFU), "防府市の参加"));
    }

    @Test
    void correctDetails_isRejected_forAnotherMembersEditor() {
        fixture.given(registered())
                .when(details("別名", List.of(), "訂正"), UBE_EDITOR)
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    // --- RenameKpi -------------------------------------------------------------------------------------------

    @Test
    void renameKpi_correctsTheName_withAReason() {
        fixture.given(registered(), glassSalesDefined())
                .when(new RenameKpi(PROJECT, GLASS_SALES, "ガラス商品の販売額", "表記の統一", null), SANYO_ONODA_EDITOR)
                .expectEvents(new KpiRenamed(PROJECT, GLASS_SALES, "ガラス商品の販売額", "表記の統一"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void renameKpi_needsAReason_andAKnownKpi() {
        fixture.given(registered(), glassSalesDefined())
                .when(new RenameKpi(PROJECT, GLASS_SALES, "ガラス商品の販売額", null, null), SANYO_ONODA_EDITOR)
                .expectException(refusal(ReasonRequired.class, "reason-required"))
                .expectNoEvents();
        fixture.given(registered(), glassSalesDefined())
                .when(new RenameKpi(PROJECT, "visitors", "来客数", "表記の統一", null), SANYO_ONODA_EDITOR)
                .expectException(refusal(UnknownKpi.class, "unknown-kpi"))
                .expectNoEvents();
    }

    @Test
    void renameKpi_changesNothing_whenTheNameIsTheSame() {
        fixture.given(registered(), glassSalesDefined(),
                        new KpiRenamed(PROJECT, GLASS_SALES, "ガラス商品の販売額", "表記の統一"))
                .when(new RenameKpi(PROJECT, GLASS_SALES, "ガラス商品の販売額", null, null), SANYO_ONODA_EDITOR)
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }
}
