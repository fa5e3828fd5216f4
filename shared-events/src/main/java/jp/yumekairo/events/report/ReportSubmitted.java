package jp.yumekairo.events.report;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Texts;

/**
 * A member's editor submitted the yearly report (効果検証報告) of a fiscal year to the committee
 * (DRAFT or PUBLISHED → SUBMITTED). {@code submission} counts from 1; a resubmission after a publication
 * says in {@code reason} what changed.
 */
public record ReportSubmitted(String reportId, MunicipalityCode municipality, FiscalYear fiscalYear,
                              int submission, String reason) implements ReportEvent {

    public ReportSubmitted {
        reason = Texts.orEmpty(reason);
    }
}
