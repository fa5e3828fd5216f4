package jp.yumekairo.command.report;

import jp.yumekairo.command.CommandRefused;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;

/** The rules by which a yearly report refuses a command, each with its own stable code. */
final class ReportRefusals {

    private ReportRefusals() {
    }

    static final class ReportAlreadySubmitted extends CommandRefused {
        ReportAlreadySubmitted(String reportId) {
            super(Kind.CONFLICT, "report-already-submitted",
                    reportId + " is already submitted and under review; publish it or wait for the committee");
        }
    }

    static final class ReportNotUnderReview extends CommandRefused {
        ReportNotUnderReview(String reportId, String state, String what) {
            super(Kind.CONFLICT, "report-not-under-review",
                    reportId + " is " + state + "; only a submitted report can be " + what);
        }
    }

    static final class UnknownComment extends CommandRefused {
        UnknownComment(String reportId, String commentId) {
            super(Kind.UNKNOWN, "unknown-comment", reportId + " has no comment '" + commentId + "'");
        }
    }

    static final class ReportYearWithoutProjects extends CommandRefused {
        ReportYearWithoutProjects(MunicipalityCode member, FiscalYear year) {
            super(Kind.CONFLICT, "report-year-without-projects", member.nameJa() + " (" + member.code()
                    + ") leads or takes part in no project in " + year.toJapanese() + "; there is no report to write");
        }
    }

    static final class CommentOnAnotherProject extends CommandRefused {
        CommentOnAnotherProject(MunicipalityCode member, String projectId) {
            super(Kind.CONFLICT, "comment-project-not-in-report", "'" + projectId + "' is not a project "
                    + member.nameJa() + " (" + member.code() + ") leads or takes part in");
        }
    }

    static final class CommentOnAnotherKpi extends CommandRefused {
        CommentOnAnotherKpi(String projectId, String kpiId) {
            super(Kind.CONFLICT, "comment-kpi-not-in-project", "'" + kpiId + "' is not a KPI of " + projectId);
        }
    }
}
