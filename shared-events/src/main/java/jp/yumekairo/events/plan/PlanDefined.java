package jp.yumekairo.events.plan;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;

import java.util.List;

/** The secretariat defined a wide-area plan: its members and its period. */
public record PlanDefined(String planId, String name, List<MunicipalityCode> members, FiscalYear firstFiscalYear,
                          FiscalYear lastFiscalYear) implements PlanEvent {

    public PlanDefined {
        members = List.copyOf(members);
    }
}
