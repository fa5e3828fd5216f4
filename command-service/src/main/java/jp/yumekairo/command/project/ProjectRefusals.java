package jp.yumekairo.command.project;

import jp.yumekairo.command.CommandRefused;
import jp.yumekairo.events.FiscalYear;

/** The rules by which a project refuses a command, each with its own stable code. */
final class ProjectRefusals {

    private ProjectRefusals() {
    }

    static final class InvalidProjectPeriod extends CommandRefused {
        InvalidProjectPeriod(FiscalYear first, FiscalYear last) {
            super(Kind.INVALID, "invalid-project-period",
                    "the project's first fiscal year " + first + " is after its last " + last);
        }
    }

    static final class ParticipantsDoNotMatchScope extends CommandRefused {
        ParticipantsDoNotMatchScope(String message) {
            super(Kind.INVALID, "participants-do-not-match-scope", message);
        }
    }

    static final class FiscalYearOutsideProjectPeriod extends CommandRefused {
        FiscalYearOutsideProjectPeriod(FiscalYear year, FiscalYear first, FiscalYear last) {
            super(Kind.CONFLICT, "fiscal-year-outside-project-period",
                    year.toJapanese() + " (" + year + ") is outside the project period "
                            + first.toJapanese() + "–" + last.toJapanese() + " (" + first + "–" + last + ")");
        }
    }

    static final class BaselineAfterProjectPeriod extends CommandRefused {
        BaselineAfterProjectPeriod(FiscalYear year, FiscalYear last) {
            super(Kind.CONFLICT, "baseline-after-project-period",
                    "the baseline year " + year + " is after the project's last fiscal year " + last);
        }
    }

    static final class UnknownKpi extends CommandRefused {
        UnknownKpi(String projectId, String kpiId) {
            super(Kind.UNKNOWN, "unknown-kpi", "project " + projectId + " has no KPI '" + kpiId + "'");
        }
    }

    static final class DuplicateKpi extends CommandRefused {
        DuplicateKpi(String projectId, String kpiId) {
            super(Kind.CONFLICT, "duplicate-kpi-id", "project " + projectId + " already has a KPI '" + kpiId + "'");
        }
    }

    static final class InvalidCost extends CommandRefused {
        InvalidCost(String message) {
            super(Kind.INVALID, "invalid-cost", message);
        }
    }

    static final class EvaluationAlreadySubmitted extends CommandRefused {
        EvaluationAlreadySubmitted(FiscalYear year) {
            super(Kind.CONFLICT, "evaluation-already-submitted",
                    "the evaluation of " + year.toJapanese() + " was already submitted; revise it with a reason instead");
        }
    }

    static final class NoEvaluationToRevise extends CommandRefused {
        NoEvaluationToRevise(FiscalYear year) {
            super(Kind.CONFLICT, "no-evaluation-to-revise",
                    "no evaluation of " + year.toJapanese() + " has been submitted yet");
        }
    }

    static final class ShortfallReasonForUnknownKpi extends CommandRefused {
        ShortfallReasonForUnknownKpi(String projectId, String kpiId) {
            super(Kind.UNKNOWN, "unknown-kpi",
                    "a shortfall reason names KPI '" + kpiId + "', which project " + projectId + " does not have");
        }
    }
}
