package jp.yumekairo.query.trace;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The hash chain's checkpoints (recorded by the audit's chain keeper): the one of a published report's version,
 * which anyone reading the report may see, and all of them with the chain's head, which are the auditor's.
 */
@Component
public class Checkpoints {

    /**
     * A checkpoint: the chain's link at an event's position, the report publication it marks (if any), and the
     * signature of the checkpoint key over position, hash and {@code signedAt} (null on the head, which is not a
     * recorded checkpoint, and on checkpoints recorded before signing existed).
     */
    public record Checkpoint(long position, String hash, String kind, Instant recordedAt, String reportId,
                             String municipality, Integer fiscalYear, Integer reportVersion, String signedAt,
                             String keyId, String signature) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;

    Checkpoints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every checkpoint in log order. */
    @PreAuthorize("hasAnyRole('AUDITOR','ADMIN')")
    public List<Checkpoint> all() {
        return jdbc.query("SELECT * FROM query.audit_checkpoint ORDER BY global_index", Checkpoints::checkpoint);
    }

    /** The chain's last link: a checkpoint an auditor may take at any time. */
    @PreAuthorize("hasAnyRole('AUDITOR','ADMIN')")
    public Optional<Checkpoint> head() {
        return jdbc.query("SELECT global_index, link FROM query.audit_chain ORDER BY global_index DESC LIMIT 1",
                (row, i) -> new Checkpoint(row.getLong(1), HEX.formatHex(row.getBytes(2)), "HEAD", null, null, null,
                        null, null, null, null, null)).stream().findFirst();
    }

    /** The checkpoint of one published version of a report, once the chain has passed its publication. */
    public Optional<Checkpoint> ofPublication(String reportId, int version) {
        return jdbc.query("SELECT * FROM query.audit_checkpoint WHERE report_id = ? AND report_version = ? "
                + "ORDER BY global_index DESC LIMIT 1", Checkpoints::checkpoint, reportId, version).stream().findFirst();
    }

    private static Checkpoint checkpoint(ResultSet row, int index) throws SQLException {
        return new Checkpoint(row.getLong("global_index"), HEX.formatHex(row.getBytes("link")), row.getString("kind"),
                row.getTimestamp("recorded_at").toInstant(), row.getString("report_id"), row.getString("municipality"),
                row.getObject("fiscal_year", Integer.class), row.getObject("report_version", Integer.class),
                row.getString("signed_at"), row.getString("signing_key_id"),
                row.getBytes("signature") == null ? null : Base64.getEncoder().encodeToString(row.getBytes("signature")));
    }
}
