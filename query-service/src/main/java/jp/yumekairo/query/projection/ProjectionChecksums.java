package jp.yumekairo.query.projection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Row-for-row fingerprints of the projection tables, computed in PostgreSQL: the row count and the XOR of every
 * row's 64-bit hash, counting only rows of events up to a given global index of the log. A check that both copies
 * hold the same rows, not a seal: what proves the log itself unchanged is its hash chain and signatures.
 */
@Component
public class ProjectionChecksums {

    /** One table's fingerprint in both schemas. */
    public record TableComparison(String table, long liveRows, long rebuiltRows, String liveChecksum,
                                  String rebuiltChecksum, boolean equal) {
    }

    private record Fingerprint(long rows, String checksum) {
    }

    /** How many fingerprints PostgreSQL computes at once, each query on a core of its own. */
    private static final int AT_ONCE = 2;

    /** A table's count and checksum, {@link #fingerprint} says how. */
    private static final String FINGERPRINT = """
            SELECT count(*), lpad(to_hex(coalesce(bit_xor(hashtextextended(t::text, 0)), 0)), 16, '0') FROM %s t
            WHERE NOT EXISTS (SELECT 1 FROM public.domain_event_entry d WHERE d.global_index > ?
                              AND d.aggregate_identifier = t.%s AND d.sequence_number = t.sequence_number)
            """;

    private final JdbcTemplate jdbc;

    ProjectionChecksums(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Compares the rows of events up to {@code headIndex}, which both copies have applied: {@value #AT_ONCE}
     * fingerprints at a time, each on a connection of its own.
     */
    public List<TableComparison> compare(long headIndex) {
        ExecutorService fingerprinting = Executors.newFixedThreadPool(AT_ONCE, task -> {
            Thread thread = new Thread(task, "projection-checksums");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<ProjectionTable, CompletableFuture<Fingerprint>> live = new EnumMap<>(ProjectionTable.class);
            Map<ProjectionTable, CompletableFuture<Fingerprint>> rebuilt = new EnumMap<>(ProjectionTable.class);
            for (ProjectionTable table : ProjectionTable.values()) {
                live.put(table, CompletableFuture.supplyAsync(
                        () -> fingerprint(ProjectionSchema.LIVE, table, headIndex), fingerprinting));
                rebuilt.put(table, CompletableFuture.supplyAsync(
                        () -> fingerprint(ProjectionSchema.REBUILD, table, headIndex), fingerprinting));
            }
            List<TableComparison> comparisons = new ArrayList<>();
            for (ProjectionTable table : ProjectionTable.values()) {
                Fingerprint liveRows = live.get(table).join();
                Fingerprint rebuiltRows = rebuilt.get(table).join();
                comparisons.add(new TableComparison(table.tableName(), liveRows.rows(), rebuiltRows.rows(),
                        liveRows.checksum(), rebuiltRows.checksum(), liveRows.equals(rebuiltRows)));
            }
            return comparisons;
        } finally {
            fingerprinting.shutdownNow();
        }
    }

    /** Empties the rebuild copy before a replay. */
    public void clear(ProjectionSchema schema) {
        if (schema == ProjectionSchema.LIVE) {
            throw new IllegalArgumentException("the live views are never cleared");
        }
        List<String> tables = new ArrayList<>();
        for (ProjectionTable table : ProjectionTable.values()) {
            tables.add(schema.qualify(table));
        }
        jdbc.execute("TRUNCATE " + String.join(", ", tables));
    }

    /**
     * One pass over the table, no sort: the rows of events after {@code headIndex} left out by an anti-join with
     * those few events of the log, each other row's text ({@code t::text}, every column as a view shows it) hashed
     * with {@code hashtextextended} and folded in with XOR, so the order in which the rows were written does not
     * matter. A row that no event of the log names stays in: one written behind the log's back makes its table
     * differ.
     */
    private Fingerprint fingerprint(ProjectionSchema schema, ProjectionTable table, long headIndex) {
        return jdbc.queryForObject(FINGERPRINT.formatted(schema.qualify(table), table.aggregateColumn()),
                (row, index) -> new Fingerprint(row.getLong(1), row.getString(2)), headIndex);
    }
}
