package jp.yumekairo.command.project;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * The id the service makes for a project registered without one: the lead member's code, the 和暦 year of its
 * first fiscal year and the next number free in the event store for that pair, e.g. {@code 35213-r6-3}
 * (美祢市, 令和6年度, third). ASCII and of the {@link jp.yumekairo.command.web.Ids} pattern; unique per lead member.
 * Two registrations at once may pick the same number; the second is then refused as a duplicate and tries the next.
 */
@Component
class ProjectIds {

    private final JdbcTemplate jdbc;

    ProjectIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String next(MunicipalityCode lead, FiscalYear firstFiscalYear) {
        String prefix = prefix(lead, firstFiscalYear);
        Integer highest = jdbc.queryForObject("SELECT max(substring(aggregate_identifier from '^' || ? || '([0-9]{1,9})$')::int) "
                + "FROM domain_event_entry WHERE sequence_number = 0 AND aggregate_identifier LIKE ? || '%'",
                Integer.class, prefix, prefix);
        return prefix + (highest == null ? 1 : highest + 1);
    }

    /** {@code <code>-<era initial><year of era>-}, e.g. {@code 35213-r6-}. */
    static String prefix(MunicipalityCode lead, FiscalYear year) {
        String era = year.era().toString().substring(0, 1).toLowerCase(Locale.ROOT);
        return lead.code() + "-" + era + year.yearOfEra() + "-";
    }
}
