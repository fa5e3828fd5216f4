package jp.yumekairo.query.audit;

import jp.yumekairo.events.FiscalYear;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.report.ReportPublished;
import jp.yumekairo.query.web.AsOf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** The hash chain's checkpoints, and the one that belongs to a member's published yearly report. */
@Component
public class Checkpoints {

    /** A checkpoint: the chain's link at an event's position, and the report publication it marks. */
    public record Checkpoint(long position, String hash, String kind, Instant recordedAt, String reportId,
                             String municipality, Integer fiscalYear, Integer reportVersion) {
    }

    /**
     * The latest publication of a member's report for a fiscal year, with its checkpoint once the chain has
     * passed it (null {@code position} and {@code hash} until then, for a few seconds after publishing).
     */
    public record Publication(int version, Instant publishedAt, Long position, String hash) {

        /** The line printed in the report's export, the time in Japan. */
        public String describe() {
            String when = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm").format(publishedAt.atZone(AsOf.JAPAN));
            if (hash == null) {
                return "第" + version + "版 公表（" + when + "）。改ざん検知チェックポイントは記録待ち";
            }
            return "第" + version + "版 公表（" + when + "） 改ざん検知チェックポイント: 位置 " + position
                    + " / SHA-256 " + hash;
        }
    }

    private final JdbcTemplate jdbc;

    Checkpoints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every checkpoint in log order. */
    public List<Checkpoint> all() {
        return jdbc.query("SELECT * FROM query.audit_checkpoint ORDER BY global_index", Checkpoints::checkpoint);
    }

    /** The chain's last link: a checkpoint an auditor may take at any time. */
    Optional<Checkpoint> head() {
        return jdbc.query("SELECT global_index, link FROM query.audit_chain ORDER BY global_index DESC LIMIT 1",
                (row, i) -> new Checkpoint(row.getLong(1), ChainHash.hex(row.getBytes(2)), "HEAD", null, null, null,
                        null, null)).stream().findFirst();
    }

    /** The checkpoint of one published version of a report, once the chain has passed its publication. */
    public Optional<Checkpoint> ofPublication(String reportId, int version) {
        return jdbc.query("SELECT * FROM query.audit_checkpoint WHERE report_id = ? AND report_version = ? "
                + "ORDER BY global_index DESC LIMIT 1", Checkpoints::checkpoint, reportId, version).stream().findFirst();
    }

    /** The member's latest publication of the year at or before {@code asOf}, read from the log itself. */
    public Optional<Publication> latestPublication(MunicipalityCode member, FiscalYear year, Instant asOf) {
        return jdbc.query("SELECT (query.event_json(e.payload)->>'version')::int AS version, e.time_stamp, "
                        + "c.global_index, c.link FROM public.domain_event_entry e "
                        + "LEFT JOIN query.audit_checkpoint c ON c.global_index = e.global_index "
                        + "WHERE e.payload_type = ? AND query.event_json(e.payload)->>'municipality' = ? "
                        + "AND query.event_json(e.payload)->>'fiscalYear' = ? AND e.time_stamp::timestamptz <= ? "
                        + "ORDER BY e.global_index DESC LIMIT 1",
                (row, i) -> new Publication(row.getInt("version"), Instant.parse(row.getString("time_stamp")),
                        row.getObject("global_index", Long.class),
                        row.getBytes("link") == null ? null : ChainHash.hex(row.getBytes("link"))),
                ReportPublished.class.getName(), member.code(), String.valueOf(year.startYear()),
                Timestamp.from(asOf)).stream().findFirst();
    }

    private static Checkpoint checkpoint(ResultSet row, int index) throws SQLException {
        return new Checkpoint(row.getLong("global_index"), ChainHash.hex(row.getBytes("link")), row.getString("kind"),
                row.getTimestamp("recorded_at").toInstant(), row.getString("report_id"), row.getString("municipality"),
                row.getObject("fiscal_year", Integer.class), row.getObject("report_version", Integer.class));
    }
}
