package jp.yumekairo.command.plan;

import jp.yumekairo.events.ActualStatus;
import jp.yumekairo.events.Aggregation;
import jp.yumekairo.events.Direction;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.KgiBaseline;
import jp.yumekairo.events.MunicipalityCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;
import java.util.List;

/** The commands a wide-area plan accepts; {@code expectedVersion} as in the project's commands. */
final class PlanCommands {

    private PlanCommands() {
    }

    record DefinePlan(@TargetAggregateIdentifier String planId, String name, List<MunicipalityCode> members,
                      FiscalYear firstFiscalYear, FiscalYear lastFiscalYear) {
    }

    record DefineKgi(@TargetAggregateIdentifier String planId, String kgiId, String name, String unit,
                     Direction direction, Aggregation aggregation, KgiBaseline baseline,
                     @TargetAggregateVersion Long expectedVersion) {
    }

    record RevisePlanTarget(@TargetAggregateIdentifier String planId, String kgiId, int year, BigDecimal value,
                            String reason, @TargetAggregateVersion Long expectedVersion) {
    }

    record ReportPartnershipFigure(@TargetAggregateIdentifier String planId, String kgiId, int year, BigDecimal value,
                                   ActualStatus status, String source, String reason,
                                   @TargetAggregateVersion Long expectedVersion) {
    }

    record ReportKgiFigure(@TargetAggregateIdentifier String planId, String kgiId, MunicipalityCode municipality,
                           int year, BigDecimal value, ActualStatus status, String source, String reason,
                           @TargetAggregateVersion Long expectedVersion) {
    }
}
