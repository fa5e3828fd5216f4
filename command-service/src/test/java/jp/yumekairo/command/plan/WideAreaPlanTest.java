package jp.yumekairo.command.plan;

import jp.yumekairo.command.CommandRefused;
import jp.yumekairo.command.auth.Actor;
import jp.yumekairo.command.auth.NotPermitted;
import jp.yumekairo.command.auth.Role;
import jp.yumekairo.command.plan.PlanCommands.DefineKgi;
import jp.yumekairo.command.plan.PlanCommands.DefinePlan;
import jp.yumekairo.command.plan.PlanCommands.ReportKgiFigure;
import jp.yumekairo.command.plan.PlanCommands.ReportPartnershipFigure;
import jp.yumekairo.command.plan.PlanCommands.RevisePlanTarget;
import jp.yumekairo.command.plan.PlanRefusals.DuplicateKgi;
import jp.yumekairo.command.plan.PlanRefusals.InvalidMembers;
import jp.yumekairo.command.plan.PlanRefusals.InvalidPlanPeriod;
import jp.yumekairo.command.plan.PlanRefusals.NotAPlanMember;
import jp.yumekairo.command.ReasonRequired;
import jp.yumekairo.command.plan.PlanRefusals.UnknownKgi;
import jp.yumekairo.command.ValueDoesNotMatchStatus;
import jp.yumekairo.command.plan.PlanRefusals.YearOutsidePlanPeriod;
import jp.yumekairo.events.ActualStatus;
import jp.yumekairo.events.Aggregation;
import jp.yumekairo.events.Direction;
import jp.yumekairo.events.Figure;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.InvalidValueException;
import jp.yumekairo.events.KgiBaseline;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.plan.KgiDefined;
import jp.yumekairo.events.plan.KgiFigureReported;
import jp.yumekairo.events.plan.PartnershipFigureReported;
import jp.yumekairo.events.plan.PlanDefined;
import jp.yumekairo.events.plan.PlanTargetRevised;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rules of the wide-area plan, exercised on 第2期山口県央連携都市圏域ビジョン (FY2022–2026) and its KGI
 * 定住人口 (2010 census baseline 642,361人).
 */
import static jp.yumekairo.command.support.RefusalMatchers.invalidValue;
import static jp.yumekairo.command.support.RefusalMatchers.refusal;

class WideAreaPlanTest {

    private static final String PLAN = "yume-kairo-2";
    private static final String PLAN_NAME = "第2期山口県央連携都市圏域ビジョン";
    private static final String POPULATION = "settled-population";
    private static final List<MunicipalityCode> ALL_MEMBERS = List.of(MunicipalityCode.values());
    private static final FiscalYear FY2022 = FiscalYear.of(2022);
    private static final FiscalYear FY2026 = FiscalYear.of(2026);
    private static final String CENSUS_PRELIMINARY = "令和2年国勢調査 人口速報集計";

    private static final MetaData ADMIN = MetaData.from(Actor.admin("secretariat").toMetaData());
    private static final MetaData YAMAGUCHI_EDITOR =
            MetaData.from(Actor.editor("yamaguchi", MunicipalityCode.YAMAGUCHI).toMetaData());
    private static final MetaData UBE_EDITOR =
            MetaData.from(Actor.editor("ube", MunicipalityCode.UBE).toMetaData());
    private static final MetaData TSUWANO_EDITOR =
            MetaData.from(Actor.editor("tsuwano", MunicipalityCode.TSUWANO).toMetaData());
    private static final MetaData PREFECTURE =
            MetaData.from(new Actor("prefecture", Role.PREFECTURE, null, null).toMetaData());

    private FixtureConfiguration<WideAreaPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WideAreaPlan.class);
    }

    // --- the plan's figures ----------------------------------------------------------------------------------

    private static DefinePlan definePlan(List<MunicipalityCode> members, FiscalYear first, FiscalYear last) {
        return new DefinePlan(PLAN, PLAN_NAME, members, first, last);
    }

    private static PlanDefined planDefined() {
        return new PlanDefined(PLAN, PLAN_NAME, ALL_MEMBERS, FY2022, FY2026);
    }

    /** A plan of only some members: 津和野町 is not among them. */
    private static PlanDefined smallerPlanDefined() {
        return new PlanDefined(PLAN, PLAN_NAME,
                List.of(MunicipalityCode.YAMAGUCHI, MunicipalityCode.UBE, MunicipalityCode.HOFU), FY2022, FY2026);
    }

    private static DefineKgi definePopulation(int baselineYear) {
        return new DefineKgi(PLAN, POPULATION, "定住人口", "人", Direction.HIGHER_IS_BETTER, Aggregation.SUM,
                new KgiBaseline(BigDecimal.valueOf(642_361), baselineYear), null);
    }

    private static KgiDefined populationDefined() {
        return new KgiDefined(PLAN, POPULATION, "定住人口", "人", Direction.HIGHER_IS_BETTER, Aggregation.SUM,
                new KgiBaseline(BigDecimal.valueOf(642_361), 2010));
    }

    /** An illustrative plan target; the tests only need some figure. */
    private static final long TARGET_2026 = 620_000;

    private static RevisePlanTarget planTarget(int year, long value, String reason) {
        return new RevisePlanTarget(PLAN, POPULATION, year, BigDecimal.valueOf(value), reason, null);
    }

    private static PlanTargetRevised planTargetRevised(int year, long value, String reason) {
        return new PlanTargetRevised(PLAN, POPULATION, year, Figure.of(value, "人"), reason);
    }

    private static ReportKgiFigure report(MunicipalityCode member, int year, BigDecimal value, ActualStatus status,
                                          String source, String reason) {
        return new ReportKgiFigure(PLAN, POPULATION, member, year, value, status, source, reason, null);
    }

    private static ReportKgiFigure yamaguchi2020Provisional() {
        return report(MunicipalityCode.YAMAGUCHI, 2020, BigDecimal.valueOf(194_110), ActualStatus.PROVISIONAL,
                CENSUS_PRELIMINARY, null);
    }

    private static KgiFigureReported yamaguchi2020ProvisionalReported() {
        return new KgiFigureReported(PLAN, POPULATION, MunicipalityCode.YAMAGUCHI, 2020, Figure.of(194_110, "人"),
                ActualStatus.PROVISIONAL, CENSUS_PRELIMINARY, null);
    }



    // --- DefinePlan ------------------------------------------------------------------------------------------

    @Test
    void definePlan_succeeds_forTheSecretariatAdmin() {
        fixture.givenNoPriorActivity()
                .when(definePlan(ALL_MEMBERS, FY2022, FY2026), ADMIN)
                .expectSuccessfulHandlerExecution()
                .expectEvents(planDefined());
    }

    @Test
    void definePlan_isRejected_forAnEditor() {
        fixture.givenNoPriorActivity()
                .when(definePlan(ALL_MEMBERS, FY2022, FY2026), YAMAGUCHI_EDITOR)
                .expectException(refusal(NotPermitted.class, "not-permitted"))
                .expectNoEvents();
    }

    @Test
    void definePlan_isRejected_forThePrefecture() {
        fixture.givenNoPriorActivity()
                .when(definePlan(ALL_MEMBERS, FY2022, FY2026), PREFECTURE)
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void definePlan_isRejected_withoutAnyActorMetadata() {
        fixture.givenNoPriorActivity()
                .when(definePlan(ALL_MEMBERS, FY2022, FY2026))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void definePlan_isRejected_withFewerThanTwoMembers() {
        fixture.givenNoPriorActivity()
                .when(definePlan(List.of(MunicipalityCode.YAMAGUCHI), FY2022, FY2026), ADMIN)
                .expectException(refusal(InvalidMembers.class, "invalid-members"))
                .expectExceptionMessage("a wide-area plan has at least two members")
                .expectNoEvents();
    }

    @Test
    void definePlan_isRejected_whenAMemberIsNamedTwice() {
        fixture.givenNoPriorActivity()
                .when(definePlan(List.of(MunicipalityCode.YAMAGUCHI, MunicipalityCode.UBE, MunicipalityCode.YAMAGUCHI),
                        FY2022, FY2026), ADMIN)
                .expectException(InvalidMembers.class)
                .expectExceptionMessage("a member is named twice")
                .expectNoEvents();
    }

    @Test
    void definePlan_isRejected_whenTheFirstYearIsAfterTheLast() {
        fixture.givenNoPriorActivity()
                .when(definePlan(ALL_MEMBERS, FY2026, FY2022), ADMIN)
                .expectException(refusal(InvalidPlanPeriod.class, "invalid-plan-period"))
                .expectNoEvents();
    }

    // --- DefineKgi -------------------------------------------------------------------------------------------

    @Test
    void defineKgi_succeeds_forTheSecretariatAdmin() {
        fixture.given(planDefined())
                .when(definePopulation(2010), ADMIN)
                .expectEvents(populationDefined())
                .expectResultMessagePayload(1L);
    }

    @Test
    void defineKgi_isRejected_whenTheKgiIdIsAlreadyDefined() {
        fixture.given(planDefined(), populationDefined())
                .when(definePopulation(2010), ADMIN)
                .expectException(refusal(DuplicateKgi.class, "duplicate-kgi-id"))
                .expectNoEvents();
    }

    @Test
    void defineKgi_isRejected_forAnEditor() {
        fixture.given(planDefined())
                .when(definePopulation(2010), YAMAGUCHI_EDITOR)
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void defineKgi_isRejected_whenTheBaselineYearIsAfterThePlanEnds() {
        fixture.given(planDefined())
                .when(definePopulation(2027), ADMIN)
                .expectException(refusal(YearOutsidePlanPeriod.class, "year-outside-plan-period"))
                .expectNoEvents();
    }

    @Test
    void defineKgi_acceptsABaselineInThePlansLastYear() {
        fixture.given(planDefined())
                .when(definePopulation(2026), ADMIN)
                .expectEvents(new KgiDefined(PLAN, POPULATION, "定住人口", "人", Direction.HIGHER_IS_BETTER,
                        Aggregation.SUM, new KgiBaseline(BigDecimal.valueOf(642_361), 2026)));
    }

    // --- RevisePlanTarget ------------------------------------------------------------------------------------

    @Test
    void revisePlanTarget_setsTheFirstTarget_withoutAReason() {
        fixture.given(planDefined(), populationDefined())
                .when(planTarget(2026, TARGET_2026, null), ADMIN)
                .expectEvents(planTargetRevised(2026, TARGET_2026, null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void revisePlanTarget_isRejected_whenTheYearIsBeforeThePlanPeriod() {
        fixture.given(planDefined(), populationDefined())
                .when(planTarget(2021, TARGET_2026, null), ADMIN)
                .expectException(refusal(YearOutsidePlanPeriod.class, "year-outside-plan-period"))
                .expectNoEvents();
    }

    @Test
    void revisePlanTarget_isRejected_whenTheYearIsAfterThePlanPeriod() {
        fixture.given(planDefined(), populationDefined())
                .when(planTarget(2027, TARGET_2026, null), ADMIN)
                .expectException(YearOutsidePlanPeriod.class)
                .expectNoEvents();
    }

    @Test
    void revisePlanTarget_isRejected_forAnUnknownKgi() {
        fixture.given(planDefined(), populationDefined())
                .when(new RevisePlanTarget(PLAN, "tourists", 2026, BigDecimal.valueOf(1000), null, null), ADMIN)
                .expectException(refusal(UnknownKgi.class, "unknown-kgi"))
                .expectNoEvents();
    }

    @Test
    void revisePlanTarget_needsAReason_whenTheYearAlreadyHasATarget() {
        fixture.given(planDefined(), populationDefined(), planTargetRevised(2026, TARGET_2026, null))
                .when(planTarget(2026, 610_000, null), ADMIN)
                .expectException(refusal(ReasonRequired.class, "reason-required"))
                .expectNoEvents();
    }

    @Test
    void revisePlanTarget_revisesTheTarget_withAReason() {
        fixture.given(planDefined(), populationDefined(), planTargetRevised(2026, TARGET_2026, null))
                .when(planTarget(2026, 610_000, "中間見直し"), ADMIN)
                .expectEvents(planTargetRevised(2026, 610_000, "中間見直し"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void revisePlanTarget_changesNothing_whenTheValueIsTheSame() {
        fixture.given(planDefined(), populationDefined(), planTargetRevised(2026, TARGET_2026, null))
                .when(new RevisePlanTarget(PLAN, POPULATION, 2026, new BigDecimal("620000.0"), null, null), ADMIN)
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void revisePlanTarget_isRejected_forAnAbsurdNumber() {
        fixture.given(planDefined(), populationDefined())
                .when(new RevisePlanTarget(PLAN, POPULATION, 2026, new BigDecimal("1e400"), null, null), ADMIN)
                .expectException(invalidValue("figure-out-of-range"))
                .expectNoEvents();
    }

    @Test
    void revisePlanTarget_isRejected_forAnEditor() {
        fixture.given(planDefined(), populationDefined())
                .when(planTarget(2026, TARGET_2026, null), YAMAGUCHI_EDITOR)
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    // --- ReportKgiFigure -------------------------------------------------------------------------------------

    @Test
    void reportKgiFigure_succeeds_forTheMembersEditor() {
        fixture.given(planDefined(), populationDefined())
                .when(yamaguchi2020Provisional(), YAMAGUCHI_EDITOR)
                .expectEvents(yamaguchi2020ProvisionalReported())
                .expectResultMessagePayload(2L);
    }

    @Test
    void reportKgiFigure_isRejected_whenMunicipalityDiffers() {
        fixture.given(planDefined(), populationDefined())
                .when(yamaguchi2020Provisional(), UBE_EDITOR)
                .expectException(refusal(NotPermitted.class, "not-permitted"))
                .expectNoEvents();
    }

    @Test
    void reportKgiFigure_isRejected_forThePrefecture() {
        fixture.given(planDefined(), populationDefined())
                .when(yamaguchi2020Provisional(), PREFECTURE)
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void reportKgiFigure_succeeds_forTheSecretariatAdmin() {
        fixture.given(planDefined(), populationDefined())
                .when(yamaguchi2020Provisional(), ADMIN)
                .expectEvents(yamaguchi2020ProvisionalReported())
                .expectResultMessagePayload(2L);
    }

    @Test
    void reportKgiFigure_isRejected_whenTheMunicipalityIsNotAPlanMember() {
        fixture.given(smallerPlanDefined(), populationDefined())
                .when(report(MunicipalityCode.TSUWANO, 2020, null, ActualStatus.PENDING, null, null), TSUWANO_EDITOR)
                .expectException(refusal(NotAPlanMember.class, "not-a-member"))
                .expectNoEvents();
    }

    @Test
    void reportKgiFigure_isRejected_whenTheAdminReportsForANonMember() {
        fixture.given(smallerPlanDefined(), populationDefined())
                .when(report(MunicipalityCode.TSUWANO, 2020, null, ActualStatus.PENDING, null, null), ADMIN)
                .expectException(NotAPlanMember.class)
                .expectNoEvents();
    }

    @Test
    void reportKgiFigure_isRejected_forAnUnknownKgi() {
        fixture.given(planDefined(), populationDefined())
                .when(new ReportKgiFigure(PLAN, "tourists", MunicipalityCode.YAMAGUCHI, 2020, null,
                        ActualStatus.PENDING, null, null, null), YAMAGUCHI_EDITOR)
                .expectException(refusal(UnknownKgi.class, "unknown-kgi"))
                .expectNoEvents();
    }

    @Test
    void reportKgiFigure_isRejected_whenTheYearIsBeforeTheKgiBaselineYear() {
        fixture.given(planDefined(), populationDefined())
                .when(report(MunicipalityCode.YAMAGUCHI, 2009, null, ActualStatus.PENDING, null, null),
                        YAMAGUCHI_EDITOR)
                .expectException(refusal(YearOutsidePlanPeriod.class, "year-outside-plan-period"))
                .expectNoEvents();
    }

    @Test
    void reportKgiFigure_isRejected_whenTheYearIsAfterThePlansLastYear() {
        fixture.given(planDefined(), populationDefined())
                .when(report(MunicipalityCode.YAMAGUCHI, 2027, null, ActualStatus.PENDING, null, null),
                        YAMAGUCHI_EDITOR)
                .expectException(YearOutsidePlanPeriod.class)
                .expectNoEvents();
    }

    @Test
    void reportKgiFigure_acceptsTheBaselineYear_beforeThePlanPeriod() {
        fixture.given(planDefined(), populationDefined())
                .when(report(MunicipalityCode.YAMAGUCHI, 2010, null, ActualStatus.PENDING, null, null),
                        YAMAGUCHI_EDITOR)
                .expectEvents(new KgiFigureReported(PLAN, POPULATION, MunicipalityCode.YAMAGUCHI, 2010, null,
                        ActualStatus.PENDING, null, null));
    }

    @Test
    void reportKgiFigure_acceptsACensusYear_beforeThePlanPeriod() {
        fixture.given(planDefined(), populationDefined())
                .when(report(MunicipalityCode.YAMAGUCHI, 2015, null, ActualStatus.PENDING, null, null),
                        YAMAGUCHI_EDITOR)
                .expectEvents(new KgiFigureReported(PLAN, POPULATION, MunicipalityCode.YAMAGUCHI, 2015, null,
                        ActualStatus.PENDING, null, null));
    }

    @Test
    void reportKgiFigure_acceptsThePlansLastYear() {
        fixture.given(planDefined(), populationDefined())
                .when(report(MunicipalityCode.YAMAGUCHI, 2026, null, ActualStatus.PENDING, null, null),
                        YAMAGUCHI_EDITOR)
                .expectEvents(new KgiFigureReported(PLAN, POPULATION, MunicipalityCode.YAMAGUCHI, 2026, null,
                        ActualStatus.PENDING, null, null));
    }

    @Test
    void reportKgiFigure_needsAReason_whenCorrectingAReportedFigure() {
        fixture.given(planDefined(), populationDefined(), yamaguchi2020ProvisionalReported())
                .when(report(MunicipalityCode.YAMAGUCHI, 2020, BigDecimal.valueOf(194_110), ActualStatus.CONFIRMED,
                        "令和2年国勢調査 人口等基本集計", null), YAMAGUCHI_EDITOR)
                .expectException(refusal(ReasonRequired.class, "reason-required"))
                .expectNoEvents();
    }

    @Test
    void reportKgiFigure_correctsAReportedFigure_withAReason() {
        fixture.given(planDefined(), populationDefined(), yamaguchi2020ProvisionalReported())
                .when(report(MunicipalityCode.YAMAGUCHI, 2020, BigDecimal.valueOf(194_110), ActualStatus.CONFIRMED,
                        "令和2年国勢調査 人口等基本集計", "速報値を確定値に更新"), YAMAGUCHI_EDITOR)
                .expectEvents(new KgiFigureReported(PLAN, POPULATION, MunicipalityCode.YAMAGUCHI, 2020,
                        Figure.of(194_110, "人"), ActualStatus.CONFIRMED, "令和2年国勢調査 人口等基本集計",
                        "速報値を確定値に更新"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void reportKgiFigure_changesNothing_whenTheSameFigureIsReportedAgain() {
        fixture.given(planDefined(), populationDefined(), yamaguchi2020ProvisionalReported())
                .when(yamaguchi2020Provisional(), YAMAGUCHI_EDITOR)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void reportKgiFigure_keepsAnotherMembersFigureOfTheSameYearApart() {
        fixture.given(planDefined(), populationDefined(), yamaguchi2020ProvisionalReported())
                .when(report(MunicipalityCode.UBE, 2020, null, ActualStatus.PENDING, CENSUS_PRELIMINARY, null),
                        UBE_EDITOR)
                .expectEvents(new KgiFigureReported(PLAN, POPULATION, MunicipalityCode.UBE, 2020, null,
                        ActualStatus.PENDING, CENSUS_PRELIMINARY, null))
                .expectResultMessagePayload(3L);
    }

    @Test
    void reportKgiFigure_isRejected_whenProvisionalHasNoValue() {
        fixture.given(planDefined(), populationDefined())
                .when(report(MunicipalityCode.YAMAGUCHI, 2020, null, ActualStatus.PROVISIONAL, CENSUS_PRELIMINARY,
                        null), YAMAGUCHI_EDITOR)
                .expectException(refusal(ValueDoesNotMatchStatus.class, "value-does-not-match-status"))
                .expectNoEvents();
    }

    @Test
    void reportKgiFigure_isRejected_whenPendingHasAValue() {
        fixture.given(planDefined(), populationDefined())
                .when(report(MunicipalityCode.YAMAGUCHI, 2020, BigDecimal.valueOf(194_110), ActualStatus.PENDING,
                        CENSUS_PRELIMINARY, null), YAMAGUCHI_EDITOR)
                .expectException(ValueDoesNotMatchStatus.class)
                .expectNoEvents();
    }

    @Test
    void reportKgiFigure_isRejected_forAnAbsurdNumber() {
        fixture.given(planDefined(), populationDefined())
                .when(report(MunicipalityCode.YAMAGUCHI, 2020, new BigDecimal("1e400"), ActualStatus.PROVISIONAL,
                        CENSUS_PRELIMINARY, null), YAMAGUCHI_EDITOR)
                .expectException(invalidValue("figure-out-of-range"))
                .expectNoEvents();
    }

    // --- figures published only for the whole partnership (seed 004: 交流人口, 新規雇用創出数, 社会動態) -------------

    private static final String NEW_JOBS = "new-jobs";
    private static final String ACHIEVEMENTS = "第1期のKGI・KPIの達成状況";

    private static KgiDefined newJobsDefined() {
        return new KgiDefined(PLAN, NEW_JOBS, "新規雇用創出数", "人", Direction.HIGHER_IS_BETTER, Aggregation.SUM,
                new KgiBaseline(null, 2014));
    }

    private static ReportPartnershipFigure newJobs(int year, long value, String reason) {
        return new ReportPartnershipFigure(PLAN, NEW_JOBS, year, BigDecimal.valueOf(value), ActualStatus.CONFIRMED,
                ACHIEVEMENTS, reason, null);
    }

    @Test
    void defineKgi_acceptsABaselineYearWithoutAFigure() {
        fixture.given(planDefined())
                .when(new DefineKgi(PLAN, NEW_JOBS, "新規雇用創出数", "人", Direction.HIGHER_IS_BETTER, Aggregation.SUM,
                        new KgiBaseline(null, 2014), null), ADMIN)
                .expectEvents(newJobsDefined());
    }

    @Test
    void reportPartnershipFigure_isStored_forTheSecretariat() {
        fixture.given(planDefined(), newJobsDefined())
                .when(newJobs(2020, 464, null), ADMIN)
                .expectEvents(new PartnershipFigureReported(PLAN, NEW_JOBS, 2020, Figure.of(464, "人"),
                        ActualStatus.CONFIRMED, ACHIEVEMENTS, ""));
    }

    @Test
    void reportPartnershipFigure_isRejected_forAMembersEditor() {
        fixture.given(planDefined(), newJobsDefined())
                .when(newJobs(2020, 464, null), YAMAGUCHI_EDITOR)
                .expectNoEvents()
                .expectException(NotPermitted.class);
    }

    @Test
    void reportPartnershipFigure_again_needsAReason_andTheSameFigureChangesNothing() {
        fixture.given(planDefined(), newJobsDefined(), new PartnershipFigureReported(PLAN, NEW_JOBS, 2020,
                        Figure.of(464, "人"), ActualStatus.CONFIRMED, ACHIEVEMENTS, ""))
                .when(newJobs(2020, 470, " "), ADMIN)
                .expectNoEvents()
                .expectException(refusal(ReasonRequired.class, "reason-required"));
        fixture.given(planDefined(), newJobsDefined(), new PartnershipFigureReported(PLAN, NEW_JOBS, 2020,
                        Figure.of(464, "人"), ActualStatus.CONFIRMED, ACHIEVEMENTS, ""))
                .when(newJobs(2020, 464, null), ADMIN)
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void reportPartnershipFigure_isRejected_beforeTheBaselineYear() {
        fixture.given(planDefined(), newJobsDefined())
                .when(newJobs(2013, 464, null), ADMIN)
                .expectNoEvents()
                .expectException(refusal(YearOutsidePlanPeriod.class, "year-outside-plan-period"));
    }
}
