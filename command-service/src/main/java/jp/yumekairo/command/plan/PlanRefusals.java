package jp.yumekairo.command.plan;

import jp.yumekairo.command.CommandRefused;
import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;

/** The rules by which a wide-area plan refuses a command, each with its own stable code. */
final class PlanRefusals {

    private PlanRefusals() {
    }

    static final class InvalidPlanPeriod extends CommandRefused {
        InvalidPlanPeriod(FiscalYear first, FiscalYear last) {
            super(Kind.INVALID, "invalid-plan-period",
                    "the plan's first fiscal year " + first + " is after its last " + last);
        }
    }

    static final class InvalidMembers extends CommandRefused {
        InvalidMembers(String message) {
            super(Kind.INVALID, "invalid-members", message);
        }
    }

    static final class NotAPlanMember extends CommandRefused {
        NotAPlanMember(String planId, MunicipalityCode municipality) {
            super(Kind.CONFLICT, "not-a-member",
                    municipality.nameJa() + " (" + municipality.code() + ") is not a member of plan " + planId);
        }
    }

    static final class UnknownKgi extends CommandRefused {
        UnknownKgi(String planId, String kgiId) {
            super(Kind.UNKNOWN, "unknown-kgi", "plan " + planId + " has no KGI '" + kgiId + "'");
        }
    }

    static final class DuplicateKgi extends CommandRefused {
        DuplicateKgi(String planId, String kgiId) {
            super(Kind.CONFLICT, "duplicate-kgi-id", "plan " + planId + " already has a KGI '" + kgiId + "'");
        }
    }

    static final class YearOutsidePlanPeriod extends CommandRefused {
        YearOutsidePlanPeriod(int year, int from, int to, String what) {
            super(Kind.CONFLICT, "year-outside-plan-period",
                    what + " " + year + " is outside " + from + "–" + to);
        }
    }

}
