package jp.yumekairo.events.report;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;

/** The id of a member's report for one fiscal year ({@code report-35203-2024}): the same on both sides. */
public final class ReportIds {

    private ReportIds() {
    }

    public static String of(MunicipalityCode member, FiscalYear fiscalYear) {
        return "report-" + member.code() + "-" + fiscalYear.startYear();
    }
}
