package jp.yumekairo.command.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.yumekairo.command.web.Ids;
import jp.yumekairo.events.ActualStatus;
import jp.yumekairo.events.Aggregation;
import jp.yumekairo.events.Direction;
import jp.yumekairo.events.MunicipalityCode;

import java.math.BigDecimal;
import java.util.List;

/** The JSON bodies of the plan endpoints; their field names are the API's contract. */
final class PlanRequests {

    private PlanRequests() {
    }

    record DefinePlanRequest(
            @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String planId,
            @NotBlank @Size(max = 200) String name,
            @NotEmpty @Size(max = 7) List<@NotNull MunicipalityCode> members,
            @NotNull Integer firstFiscalYear,
            @NotNull Integer lastFiscalYear) {
    }

    record KgiBaselineRequest(BigDecimal value, @NotNull Integer year) {
    }

    record DefineKgiRequest(
            @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String kgiId,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 20) String unit,
            @NotNull Direction direction,
            @NotNull Aggregation aggregation,
            @NotNull @Valid KgiBaselineRequest baseline) {
    }

    record RevisePlanTargetRequest(@NotNull BigDecimal value, @Size(max = 1000) String reason) {
    }

    record ReportKgiFigureRequest(BigDecimal value, @NotNull ActualStatus status, @Size(max = 500) String source,
                                  @Size(max = 1000) String reason) {
    }
}
