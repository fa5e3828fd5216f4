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

    record RegisterProjectRequest(
            @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String projectId,
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

    record DefineKpiRequest(
            @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String kpiId,
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

    record RecordProjectCostRequest(@NotNull @PositiveOrZero Long totalCost, @NotNull @PositiveOrZero Long grantAmount,
                                    @Size(max = 1000) String reason) {
    }

    record EvaluationRequest(
            @NotNull EffectRating effect,
            @NotNull Policy policy,
            @Size(max = 4000) String rationale,
            @Size(max = 4000) String situation,
            @Size(max = 4000) String obstacles,
            @Size(max = 4000) String revisions,
            @Size(max = 50) Map<@Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String,
                    @Size(max = 2000) String> shortfallReasons,
            @Size(max = 1000) String reason) {
    }
}
