package jp.yumekairo.command.project;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jp.yumekairo.command.web.Ids;
import jp.yumekairo.events.ActualStatus;
import jp.yumekairo.events.Direction;
import jp.yumekairo.events.EffectRating;
import jp.yumekairo.events.GrantProgram;
import jp.yumekairo.events.Measure;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Policy;
import jp.yumekairo.events.ProjectScope;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The JSON bodies of the project endpoints; their field names are the API's contract. */
final class ProjectRequests {

    private ProjectRequests() {
    }

    /** {@code projectId} may be omitted: the service then makes one (see {@link ProjectIds}). */
    record RegisterProjectRequest(
            @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String projectId,
            @NotNull MunicipalityCode leadMunicipality,
            @Size(max = 7) List<@NotNull MunicipalityCode> participants,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String summary,
            @NotNull ProjectScope scope,
            @NotNull GrantProgram grantProgram,
            @Size(max = 200) String department,
            @NotNull Integer firstFiscalYear,
            @NotNull Integer lastFiscalYear) {
    }

    /** The value is required; the year may be unknown. The whole baseline may be omitted where nobody knows it. */
    record BaselineRequest(@NotNull BigDecimal value, Integer fiscalYear) {
    }

    /** {@code kpiId} may be omitted: the project then numbers the KPI {@code kpi-<n>}. */
    record DefineKpiRequest(
            @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String kpiId,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 20) String unit,
            @NotNull Direction direction,
            @NotNull Measure measure,
            @Valid BaselineRequest baseline,
            BigDecimal finalTarget) {
    }

    record ReviseTargetRequest(@NotNull BigDecimal value, @Size(max = 1000) String reason) {
    }

    record RecordActualRequest(BigDecimal value, @NotNull ActualStatus status, @Size(max = 500) String source,
                               @Size(max = 2000) String note, @Size(max = 1000) String reason) {
    }

    /** {@code grantAmount} null or omitted: the 交付実績 is not known. */
    record RecordProjectCostRequest(@NotNull @PositiveOrZero Long totalCost, @PositiveOrZero Long grantAmount,
                                    @Size(max = 1000) String reason) {
    }

    record EvaluationRequest(
            @NotNull EffectRating effect,
            @NotNull Policy policy,
            @Size(max = 4000) String rationale,
            @Size(max = 4000) String policyRationale,
            @Size(max = 4000) String situation,
            @Size(max = 4000) String obstacles,
            @Size(max = 4000) String revisions,
            @Size(max = 50) Map<@Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String,
                    @Size(max = 2000) String> shortfallReasons,
            @Size(max = 1000) String reason) {
    }

    record RecordActivitiesRequest(@NotNull @Size(max = 8000) String activities, @Size(max = 1000) String reason) {
    }

    record CorrectProjectDetailsRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String summary,
            @Size(max = 200) String department,
            @Size(max = 7) List<@NotNull MunicipalityCode> participants,
            @Size(max = 1000) String reason) {
    }

    record RenameKpiRequest(@NotBlank @Size(max = 200) String name, @Size(max = 1000) String reason) {
    }
}
