package jp.yumekairo.query.web;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.InvalidValueException;
import jp.yumekairo.events.MunicipalityCode;

/**
 * The member code and fiscal year of a page's path: an unknown member is 404, a year out of range 400. The API's paths
 * convert through the edge's converters instead, with the same refusals (web/ProblemAdvice).
 */
public final class PathValues {

    private PathValues() {
    }

    public static MunicipalityCode member(String code) {
        try {
            return MunicipalityCode.of(code);
        } catch (InvalidValueException notAMember) {
            throw QueryRefused.unknown(notAMember.code(), notAMember.getMessage());
        }
    }

    public static FiscalYear fiscalYear(int fiscalYear) {
        try {
            return FiscalYear.of(fiscalYear);
        } catch (InvalidValueException outOfRange) {
            throw QueryRefused.invalid(outOfRange.code(), outOfRange.getMessage());
        }
    }
}
