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
            long[] counts = jdbc.queryForObject("SELECT count(*) FILTER (WHERE lead_municipality = ?), "
                            + "count(*) FILTER (WHERE ? = ANY (participants)) FROM query.project WHERE recorded_at <= ?",
                    (row, index) -> new long[]{row.getLong(1), row.getLong(2)}, member.code(), member.code(),
                    Timestamp.from(asOf));
            members.add(new Member(member.code(), member.nameJa(), member.nameEn(), member.prefecture(),
                    counts[0] + counts[1], counts[0], counts[1]));
        }
        return members;
    }
}
