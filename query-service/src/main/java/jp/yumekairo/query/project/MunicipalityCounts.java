package jp.yumekairo.query.project;

import jp.yumekairo.events.MunicipalityCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The members of the partnership with how many projects each leads and takes part in (広域), as of an instant. */
@Component
class MunicipalityCounts {

    record Member(String municipalityCode, String name, String nameEn, String prefecture, long projectCount,
                  long leadProjectCount, long participatingProjectCount) {
    }

    private final JdbcTemplate jdbc;

    MunicipalityCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Member> of(Instant asOf) {
        List<Member> members = new ArrayList<>();
        for (MunicipalityCode member : MunicipalityCode.values()) {
            // participants as last corrected at or before the instant (ProjectDetailsCorrected), else as registered
            long[] counts = jdbc.queryForObject("SELECT count(*) FILTER (WHERE p.lead_municipality = ?), "
                            + "count(*) FILTER (WHERE ? = ANY (coalesce(d.participants, p.participants))) "
                            + "FROM query.project p LEFT JOIN LATERAL (SELECT c.participants FROM query.project_details c "
                            + "WHERE c.project_id = p.project_id AND c.recorded_at <= ? ORDER BY c.sequence_number DESC "
                            + "LIMIT 1) d ON true WHERE p.recorded_at <= ?",
                    (row, index) -> new long[]{row.getLong(1), row.getLong(2)}, member.code(), member.code(),
                    Timestamp.from(asOf), Timestamp.from(asOf));
            members.add(new Member(member.code(), member.nameJa(), member.nameEn(), member.prefecture(),
                    counts[0] + counts[1], counts[0], counts[1]));
        }
        return members;
    }
}
