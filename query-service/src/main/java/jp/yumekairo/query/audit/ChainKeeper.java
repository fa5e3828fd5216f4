package jp.yumekairo.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.yumekairo.events.EventJson;
import jp.yumekairo.events.report.ReportPublished;
import jp.yumekairo.events.signing.SignedCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Extends the hash chain over the settled part of the log, one instance at a time (a transaction-scoped
 * PostgreSQL advisory lock; the others skip their turn). An event is settled once it is older than the settle
 * delay: the global index comes from a sequence drawn before commit, so a slow transaction can still commit an
 * event below one already visible, and the chain must not pass that gap before it is filled. Records a
 * checkpoint at every {@link ReportPublished}, and one at the head every checkpoint interval; each is signed
 * ({@link CheckpointSigning}) so that witnesses can keep it outside the database.
 */
@Component
class ChainKeeper implements SmartLifecycle {

    /** The advisory lock's key: "yk-chain" in ASCII, unlikely to meet anyone else's. */
    static final long LOCK = 0x796b2d636861696eL;
    private static final Logger LOG = LoggerFactory.getLogger(ChainKeeper.class);
    private static final int BATCH = 200;
    private static final ObjectMapper EVENTS = EventJson.objectMapper();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditProperties properties;
    private final CheckpointSigning signing;
    private ScheduledExecutorService keeper;
    private volatile boolean running;

    ChainKeeper(JdbcTemplate jdbc, TransactionTemplate transactions, AuditProperties properties,
                CheckpointSigning signing) {
        this.signing = signing;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Override
    public void start() {
        running = true;
        keeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "chain-keeper");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.chainInterval().toMillis();
        keeper.scheduleWithFixedDelay(this::keep, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (keeper != null) {
            keeper.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void keep() {
        try {
            while (running && extend() == BATCH) {
                // a full batch: more may be settled already
            }
        } catch (RuntimeException failed) {
            // the next turn tries again; nothing was written by the failed one
            LOG.warn("could not extend the hash chain: {}", failed.getMessage());
        }
    }

    /** Chains the next settled events, at most one batch; returns how many (0 when another instance holds the lock). */
    int extend() {
        Integer chained = transactions.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
                return 0;
            }
            List<Object[]> head = jdbc.query("SELECT global_index, link FROM query.audit_chain "
                    + "ORDER BY global_index DESC LIMIT 1", (row, i) -> new Object[]{row.getLong(1), row.getBytes(2)});
            long position = head.isEmpty() ? Long.MIN_VALUE : (long) head.get(0)[0];
            byte[] link = head.isEmpty() ? ChainHash.GENESIS : (byte[]) head.get(0)[1];
            Instant settled = jdbc.queryForObject("SELECT now() - make_interval(secs => ?)", Timestamp.class,
                    properties.settleDelay().toMillis() / 1000.0).toInstant();
            List<StoredEvent> events = jdbc.query("SELECT " + StoredEvent.COLUMNS + " FROM public.domain_event_entry "
                    + "WHERE global_index > ? ORDER BY global_index LIMIT ?", (row, i) -> StoredEvent.read(row),
                    position, BATCH);
            List<Object[]> links = new ArrayList<>();
            List<Object[]> checkpoints = new ArrayList<>();
            for (StoredEvent event : events) {
                if (!settledBy(event, settled)) {
                    break;
                }
                link = ChainHash.link(link, event);
                links.add(new Object[]{event.globalIndex(), event.eventIdentifier(), ChainHash.digest(event.payload()),
                        ChainHash.digest(event.metaData()), link});
                if (ReportPublished.class.getName().equals(event.payloadType())) {
                    checkpoints.add(checkpoint(event, link, signing.sign(event.globalIndex(), link)));
                }
            }
            jdbc.batchUpdate("INSERT INTO query.audit_chain (global_index, event_identifier, payload_sha256, "
                    + "metadata_sha256, link) VALUES (?, ?, ?, ?, ?)", links);
            jdbc.batchUpdate("INSERT INTO query.audit_checkpoint (global_index, link, kind, recorded_at, report_id, "
                    + "municipality, fiscal_year, report_version, signed_at, signature, signing_key_id) "
                    + "VALUES (?, ?, 'REPORT_PUBLISHED', ?, ?, ?, ?, ?, ?, ?, ?)", checkpoints);
            if (!links.isEmpty()) {
                position = (long) links.get(links.size() - 1)[0];
                link = (byte[]) links.get(links.size() - 1)[4];
            }
            if (!head.isEmpty() || !links.isEmpty()) {
                scheduledCheckpoint(position, link);
            }
            return links.size();
        });
        return chained == null ? 0 : chained;
    }

    private static boolean settledBy(StoredEvent event, Instant settled) {
        try {
            return !Instant.parse(event.timestamp()).isAfter(settled);
        } catch (DateTimeParseException | NullPointerException unreadable) {
            // the stored bytes are what the chain covers, readable or not
            return true;
        }
    }

    /**
     * A signed checkpoint at the chain's head when the head has moved past the last checkpoint and the last
     * scheduled one is older than the checkpoint interval.
     */
    private void scheduledCheckpoint(long position, byte[] link) {
        Boolean due = jdbc.queryForObject("SELECT coalesce((SELECT max(recorded_at) FROM query.audit_checkpoint "
                + "WHERE kind = 'SCHEDULED'), '-infinity') < now() - make_interval(secs => ?) AND coalesce("
                + "(SELECT max(global_index) FROM query.audit_checkpoint), -1) < ?", Boolean.class,
                properties.checkpointInterval().toMillis() / 1000.0, position);
        if (Boolean.TRUE.equals(due)) {
            SignedCheckpoint signed = signing.sign(position, link);
            jdbc.update("INSERT INTO query.audit_checkpoint (global_index, link, kind, recorded_at, signed_at, "
                    + "signature, signing_key_id) VALUES (?, ?, 'SCHEDULED', now(), ?, ?, ?) "
                    + "ON CONFLICT (global_index) DO NOTHING", position, link, signed.signedAt(),
                    signed.signatureBytes(), signed.keyId());
        }
    }

    private static Object[] checkpoint(StoredEvent event, byte[] link, SignedCheckpoint signed) {
        Timestamp at = Timestamp.from(recordedAt(event));
        try {
            ReportPublished published = EVENTS.readValue(event.payload(), ReportPublished.class);
            return new Object[]{event.globalIndex(), link, at, published.reportId(), published.municipality().code(),
                    published.fiscalYear().startYear(), published.version(), signed.signedAt(),
                    signed.signatureBytes(), signed.keyId()};
        } catch (IOException | RuntimeException unreadable) {
            return new Object[]{event.globalIndex(), link, at, event.aggregateIdentifier(), null, null, null,
                    signed.signedAt(), signed.signatureBytes(), signed.keyId()};
        }
    }

    private static Instant recordedAt(StoredEvent event) {
        try {
            return Instant.parse(event.timestamp());
        } catch (DateTimeParseException | NullPointerException unreadable) {
            return Instant.EPOCH;
        }
    }
}
