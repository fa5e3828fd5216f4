package jp.yumekairo.query.audit;

import jp.yumekairo.events.InvalidValueException;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.query.web.AsOf;
import jp.yumekairo.query.web.QueryRefused;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The auditor's filters of the log as the API's parameters and the page's form both give them: checked here once,
 * each turned into its {@link EventCriteria}; a filter that is not valid is refused with {@code invalid-parameter}.
 */
final class LogFilters {

    static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private LogFilters() {
    }

    static EventCriteria criteria(String municipality, String project, String kpi, String user, Integer fiscalYear,
                                  List<String> types, String from, String to, Long after) {
        EventCriteria criteria = new EventCriteria();
        if (after != null) {
            criteria.after(after);
        }
        if (municipality != null) {
            try {
                criteria.member(MunicipalityCode.of(municipality).code());
            } catch (InvalidValueException notAMember) {
                throw QueryRefused.invalid("invalid-parameter", "municipality: " + notAMember.getMessage());
            }
        }
        if (project != null) {
            criteria.aggregate(project);
        }
        if (kpi != null) {
            criteria.kpi(kpi);
        }
        if (user != null) {
            criteria.user(user);
        }
        if (fiscalYear != null) {
            criteria.fiscalYear(fiscalYear);
        }
        if (types != null && !types.isEmpty()) {
            String[] names = types.stream().flatMap(t -> Arrays.stream(t.split(","))).map(String::trim)
                    .filter(t -> !t.isEmpty()).toArray(String[]::new);
            if (Arrays.stream(names).anyMatch(name -> !name.matches("[A-Za-z]{1,100}"))) {
                throw QueryRefused.invalid("invalid-parameter", "type is an event's simple name, e.g. ActualRecorded");
            }
            criteria.types(names);
        }
        if (from != null) {
            criteria.from(Timestamp.from(instant(from, "from", true)));
        }
        if (to != null) {
            upTo(criteria, to);
        }
        return criteria;
    }

    /** Only events up to {@code to}: an instant, or a day in Japan up to its end. */
    static EventCriteria upTo(EventCriteria criteria, String to) {
        return criteria.to(Timestamp.from(instant(to, "to", false)));
    }

    static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw QueryRefused.invalid("invalid-parameter", "limit is 1 to " + MAX_LIMIT + "; page on with after=next");
        }
        return limit;
    }

    /** An instant or a day as {@link AsOf} reads them, a day meaning its end; its start in Japan for {@code from}. */
    private static Instant instant(String value, String name, boolean startOfDay) {
        try {
            if (!value.isBlank()) {
                Instant at = AsOf.parse(value);
                return startOfDay && value.length() == 10 ? LocalDate.parse(value).atStartOfDay(AsOf.JAPAN).toInstant()
                        : at;
            }
        } catch (QueryRefused invalid) {
            // AsOf's refusal names asOf; this one names the parameter the value was given for
        }
        throw QueryRefused.invalid("invalid-parameter", name + " is an instant such as 2025-06-30T10:00:00+09:00 "
                + "or a day such as 2025-06-30");
    }
}
