package jp.yumekairo.events.report;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Texts;

/**
 * The member's editor published the report (SUBMITTED → PUBLISHED) as {@code version} (1, 2, …). The version
 * is frozen: it shows the report exactly as it stood at this event, and a later correction opens the next one.
 */
public record ReportPublished(String reportId, MunicipalityCode municipality, FiscalYear fiscalYear, int version,
                              String reason) implements ReportEvent {

    public ReportPublished {
        reason = Texts.orEmpty(reason);
    }
}
