package jp.yumekairo.events.project;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.Texts;
import org.axonframework.serialization.Revision;

/**
 * 総事業費 and 交付実績 of a fiscal year, in yen; recording the year again is a correction with a reason.
 * {@code grantAmount} is null when the 交付実績 is not known (revision 2; revision 1 always had one).
 */
@Revision("2")
public record ProjectCostRecorded(String projectId, FiscalYear fiscalYear, long totalCost, Long grantAmount,
                                  String reason) implements ProjectEvent {

    public ProjectCostRecorded {
        reason = Texts.orEmpty(reason);
    }
}
