package jp.yumekairo.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Recomputes the hash chain from the event table as it is now and compares it, position by position, with the
 * links recorded when each event was chained, and checks every event's signature, chained yet or not. The first
 * difference is named with what it is: an event the command service did not write (forged), an event deleted or
 * inserted, events reordered, a payload or metadata changed, an aggregate's signed numbering broken (a deletion
 * the chain was recomputed over). Reads with a server-side cursor.
 */
@Component
class ChainVerification {

    /**
     * The verdict {@code GET /api/audit/verify} answers. {@code checkedUpTo} is 0 while nothing is chained;
     * {@code kind} names what the first difference is (forged, deleted, inserted, reordered, payload-changed,
     * metadata-changed, changed, out-of-turn), null while intact, for the page to say in words.
     */
    record Verdict(boolean intact, long checkedUpTo, Long firstBrokenPosition, String reason, long checkedEvents,
                   String kind) {
    }

    private static final int FETCH = 500;

    private final JdbcTemplate jdbc;
    private final EventSignatures signatures;

    ChainVerification(JdbcTemplate jdbc, EventSignatures signatures) {
        this.signatures = signatures;
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(AuditLog.AUDITORS)
    public Verdict verify() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM query.audit_chain", Long.class);
        long chainHead = head == null ? Long.MIN_VALUE : head;
        Walk walk = new Walk(signatures, chainHead);
        jdbc.query("SELECT e.global_index IS NOT NULL AS present, " + StoredEvent.columns("e") + ", c.global_index AS chained_index, "
                + "c.event_identifier AS chained_id, c.payload_sha256, c.metadata_sha256, c.link "
                + "FROM public.domain_event_entry e FULL JOIN query.audit_chain c ON c.global_index = e.global_index "
                + "ORDER BY coalesce(e.global_index, c.global_index)", walk);
        if (walk.brokenAt != null) {
            return new Verdict(false, walk.brokenAt, walk.brokenAt, walk.reason, walk.checked, walk.kind);
        }
        if (head == null) {
            return new Verdict(true, 0, null, "nothing is chained yet: the chain keeper chains events once they "
                    + "are settled; every event's signature is valid", 0, null);
        }
        return new Verdict(true, chainHead, null, "every event up to position " + chainHead
                + " is as it was when chained, and every event is signed by the command service", walk.checked, null);
    }


    /** Walks the log and the chain side by side, stopping (ignoring the rest) at the first difference. */
    private static final class Walk implements RowCallbackHandler {

        private final EventSignatures signatures;
        private final long chainHead;
        private final AggregateSequences sequences = new AggregateSequences();
        private byte[] previous = ChainHash.GENESIS;
        private Long brokenAt;
        private String reason;
        private String kind;
        private long checked;

        Walk(EventSignatures signatures, long chainHead) {
            this.signatures = signatures;
            this.chainHead = chainHead;
        }

        @Override
        public void processRow(ResultSet row) throws SQLException {
            if (brokenAt != null) {
                return;
            }
            boolean present = row.getBoolean("present");
            long chainedIndex = row.getLong("chained_index");
            boolean chained = !row.wasNull();
            if (!present) {
                kind = "deleted";
                broken(chainedIndex, "the event chained at position " + chainedIndex + " (" + row.getString("chained_id")
                        + ") is no longer in the log: it was deleted, or moved to another position");
                return;
            }
            StoredEvent event = StoredEvent.read(row);
            if (event.globalIndex() <= chainHead) {
                if (!chained) {
                    kind = "inserted";
                    broken(event.globalIndex(), "the event at position " + event.globalIndex() + " ("
                            + event.eventIdentifier() + ") was not in the log when the chain passed this position: "
                            + "it was inserted afterwards");
                    return;
                }
                byte[] link = ChainHash.link(previous, event);
                if (!Arrays.equals(link, row.getBytes("link"))) {
                    kind = kind(event, row);
                    broken(event.globalIndex(), difference(event, row));
                    return;
                }
                previous = link;
                checked++;
            }
            // chained or not yet: an event the command service did not sign is forged, wherever it stands
            if (!signatures.genuine(event)) {
                kind = "forged";
                broken(event.globalIndex(), "the event at position " + event.globalIndex() + " ("
                        + event.eventIdentifier() + ") " + (event.signature() == null ? "has no signature"
                        : "has no valid signature") + " of the command service: it was not written by the service "
                        + "(forged), or changed since");
                return;
            }
            String outOfTurn = sequences.follow(event);
            if (outOfTurn != null) {
                kind = "out-of-turn";
                broken(event.globalIndex(), outOfTurn);
            }
        }

        private static String kind(StoredEvent event, ResultSet row) throws SQLException {
            if (!row.getString("chained_id").equals(event.eventIdentifier())) {
                return "reordered";
            }
            if (!Arrays.equals(ChainHash.digest(event.payload()), row.getBytes("payload_sha256"))) {
                return "payload-changed";
            }
            if (!Arrays.equals(ChainHash.digest(event.metaData()), row.getBytes("metadata_sha256"))) {
                return "metadata-changed";
            }
            return "changed";
        }

        private static String difference(StoredEvent event, ResultSet row) throws SQLException {
            long position = event.globalIndex();
            String chainedId = row.getString("chained_id");
            if (!chainedId.equals(event.eventIdentifier())) {
                return "position " + position + " holds event " + event.eventIdentifier() + ", but event " + chainedId
                        + " was chained there: events were reordered or replaced";
            }
            if (!Arrays.equals(ChainHash.digest(event.payload()), row.getBytes("payload_sha256"))) {
                return "the payload of the event at position " + position + " (" + chainedId + ") has changed";
            }
            if (!Arrays.equals(ChainHash.digest(event.metaData()), row.getBytes("metadata_sha256"))) {
                return "the metadata of the event at position " + position + " (" + chainedId + ") has changed";
            }
            return "the event at position " + position + " (" + chainedId + ") has changed: its aggregate, sequence "
                    + "number, type or timestamp is not what was chained";
        }

        private void broken(long position, String why) {
            brokenAt = position;
            reason = why;
        }
    }
}
