package jp.yumekairo.query.trace;

import jp.yumekairo.query.web.AsOf;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The {@code trace} link each figure of a view carries: {@code GET} it (as AUDITOR or ADMIN) for the events that
 * produced the figure, up to the view's {@code asOf} when it has one.
 */
public final class TraceLinks {

    private TraceLinks() {
    }

    /** A KPI's target, actual, achievement and progress in a fiscal year. */
    public static String kpiYear(String projectId, String kpiId, int fiscalYear, Instant asOf) {
        return link(asOf, "project", projectId, "kpi", kpiId, "fiscalYear", fiscalYear);
    }

    /** A project's {@code cost} or {@code evaluation} of a fiscal year. */
    public static String projectFigure(String projectId, String figure, int fiscalYear, Instant asOf) {
        return link(asOf, "project", projectId, "fiscalYear", fiscalYear, "figure", figure);
    }

    /** A member's figure of a KGI in a year, or the partnership total when {@code member} is null. */
    public static String kgiFigure(String planId, String kgiId, String member, int year, Instant asOf) {
        return member == null ? link(asOf, "plan", planId, "kgi", kgiId, "year", year, "figure", "total")
                : link(asOf, "plan", planId, "kgi", kgiId, "member", member, "year", year);
    }

    /** The plan's target of a KGI in a year. */
    public static String planTarget(String planId, String kgiId, int year, Instant asOf) {
        return link(asOf, "plan", planId, "kgi", kgiId, "year", year, "figure", "target");
    }

    /** Encoded as UriComponentsBuilder would, without building one per link (a view carries hundreds). */
    private static String link(Instant asOf, Object... namesAndValues) {
        StringBuilder uri = new StringBuilder("/api/audit/trace");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameter(uri, i == 0, (String) namesAndValues[i], String.valueOf(namesAndValues[i + 1]));
        }
        if (asOf != null && !AsOf.LATEST.equals(asOf)) {
            parameter(uri, false, "to", asOf.toString());
        }
        return uri.toString();
    }

    private static void parameter(StringBuilder uri, boolean first, String name, String value) {
        uri.append(first ? '?' : '&').append(UriUtils.encodeQueryParam(name, StandardCharsets.UTF_8)).append('=')
                .append(UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
    }
}
