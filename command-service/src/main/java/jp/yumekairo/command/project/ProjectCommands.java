package jp.yumekairo.command.project;

import jp.yumekairo.events.ActualStatus;
import jp.yumekairo.events.Baseline;
import jp.yumekairo.events.Direction;
import jp.yumekairo.events.EffectRating;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.GrantProgram;
import jp.yumekairo.events.Measure;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Policy;
import jp.yumekairo.events.ProjectScope;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The commands a project accepts. {@code expectedVersion} is Axon's aggregate version (last sequence number)
 * from the client's {@code If-Match}, or null when the client does not ask for optimistic locking.
 */
final class ProjectCommands {

    private ProjectCommands() {
    }

    record RegisterProject(@TargetAggregateIdentifier String projectId, MunicipalityCode leadMunicipality,
                           List<MunicipalityCode> participants, String name, String summary, ProjectScope scope,
                           GrantProgram grantProgram, String department, FiscalYear firstFiscalYear,
                           FiscalYear lastFiscalYear) {
    }

    /**
     * {@code kpiId} null: the project numbers the KPI ({@code kpi-<n>}). The baseline comes as given (value and
     * year, either null): the project checks the caller's permission before it examines the figure.
     */
    record DefineKpi(@TargetAggregateIdentifier String projectId, String kpiId, String name, String unit,
                     Direction direction, Measure measure, BigDecimal baselineValue, FiscalYear baselineYear,
                     BigDecimal finalTarget, @TargetAggregateVersion Long expectedVersion) {

        DefineKpi(String projectId, String kpiId, String name, String unit, Direction direction, Measure measure,
                  Baseline baseline, BigDecimal finalTarget, Long expectedVersion) {
            this(projectId, kpiId, name, unit, direction, measure, baseline == null ? null : baseline.value(),
                    baseline == null ? null : baseline.fiscalYear(), finalTarget, expectedVersion);
        }
    }

    record ReviseTarget(@TargetAggregateIdentifier String projectId, String kpiId, FiscalYear fiscalYear,
                        BigDecimal value, String reason, @TargetAggregateVersion Long expectedVersion) {
    }

    record RecordActual(@TargetAggregateIdentifier String projectId, String kpiId, FiscalYear fiscalYear,
                        BigDecimal value, ActualStatus status, String source, String note, String reason,
                        @TargetAggregateVersion Long expectedVersion) {
    }

    record RecordProjectCost(@TargetAggregateIdentifier String projectId, FiscalYear fiscalYear, long totalCost,
                             Long grantAmount, String reason, @TargetAggregateVersion Long expectedVersion) {
    }

    record SubmitEvaluation(@TargetAggregateIdentifier String projectId, FiscalYear fiscalYear,
                            EffectRating effect, Policy policy, String rationale, String policyRationale,
                            String situation, String obstacles, String revisions, Map<String, String> shortfallReasons,
                            @TargetAggregateVersion Long expectedVersion) {
    }

    record ReviseEvaluation(@TargetAggregateIdentifier String projectId, FiscalYear fiscalYear,
                            EffectRating effect, Policy policy, String rationale, String policyRationale,
                            String situation, String obstacles, String revisions, Map<String, String> shortfallReasons,
                            String reason, @TargetAggregateVersion Long expectedVersion) {
    }

    record RenameKpi(@TargetAggregateIdentifier String projectId, String kpiId, String name, String reason,
                     @TargetAggregateVersion Long expectedVersion) {
    }

    record CorrectProjectDetails(@TargetAggregateIdentifier String projectId, String name, String summary,
                                 String department, List<MunicipalityCode> participants, String reason,
                                 @TargetAggregateVersion Long expectedVersion) {
    }

    record RecordActivities(@TargetAggregateIdentifier String projectId, FiscalYear fiscalYear, String activities,
                            String reason, @TargetAggregateVersion Long expectedVersion) {
    }
}
