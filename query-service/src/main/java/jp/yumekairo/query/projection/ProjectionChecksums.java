package jp.yumekairo.query.projection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Row-for-row fingerprints of the projection tables: the row count and an MD5 over every row, in the order of
 * (aggregate, sequence number), counting only rows of events up to a given global index of the log.
 */
@Component
public class ProjectionChecksums {

    /** One table's fingerprint in both schemas. */
    public record TableComparison(String table, long liveRows, long rebuiltRows, String liveChecksum,
                                  String rebuiltChecksum, boolean equal) {
    }

    private record Fingerprint(long rows, String checksum) {
    }

    private final JdbcTemplate jdbc;

    ProjectionChecksums(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Compares the rows of events up to {@code headIndex}, which both copies have applied. */
    public List<TableComparison> compare(long headIndex) {
        List<TableComparison> comparisons = new ArrayList<>();
        for (ProjectionTable table : ProjectionTable.values()) {
            Fingerprint live = fingerprint(ProjectionSchema.LIVE, table, headIndex);
            Fingerprint rebuilt = fingerprint(ProjectionSchema.REBUILD, table, headIndex);
            comparisons.add(new TableComparison(table.tableName(), live.rows(), rebuilt.rows(), live.checksum(),
                    rebuilt.checksum(), live.equals(rebuilt)));
        }
        return comparisons;
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

    private Fingerprint fingerprint(ProjectionSchema schema, ProjectionTable table, long headIndex) {
        String aggregate = "t." + table.aggregateColumn();
        return jdbc.queryForObject("SELECT count(*), md5(coalesce(string_agg(md5(t::text), '' ORDER BY " + aggregate
                        + ", t.sequence_number), '')) FROM " + schema.qualify(table) + " t "
                        + "JOIN public.domain_event_entry d ON d.aggregate_identifier = " + aggregate
                        + " AND d.sequence_number = t.sequence_number WHERE d.global_index <= ?",
                (row, index) -> new Fingerprint(row.getLong(1), row.getString(2)), headIndex);
    }
}
