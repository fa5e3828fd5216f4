package jp.yumekairo.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Copies template projects' events in SQL into projects of their own: the same payload and metadata with the
 * template's id replaced by the clone's (in the payload's projectId and in the request ids, which contain it),
 * a new event identifier, the same sequence numbers, the global index from the log's own sequence and the
 * time of insertion as the timestamp, in Axon's format. So each clone is exactly the rows the command service
 * would have written for the same requests. Within a batch the events go in life-cycle order across the clones
 * (every clone's registration, then every clone's first KPI, ...), as a nationwide log interleaves its projects.
 */
final class Clones {

    /** A project to create from a template. */
    record Clone(String projectId, String templateId) {
    }

    private static final String INSERT = """
            INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                            payload_type, payload_revision, payload, meta_data)
            SELECT gen_random_uuid()::text, c.id, e.sequence_number, e.type,
                   to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                   e.payload_type, e.payload_revision,
                   convert_to(replace(convert_from(e.payload, 'UTF8'), c.template, c.id), 'UTF8'),
                   convert_to(replace(convert_from(e.meta_data, 'UTF8'), c.template, c.id), 'UTF8')
            FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS c(id, template, n)
            JOIN domain_event_entry e ON e.aggregate_identifier = c.template
            ORDER BY e.sequence_number, c.n
            """;

    private final Database database;

    Clones(Database database) {
        this.database = database;
    }

    /** Inserts the clones in one transaction; returns the number of events written. */
    long insert(List<Clone> clones) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, connection.createArrayOf("text", clones.stream().map(Clone::projectId).toArray()));
            insert.setArray(2, connection.createArrayOf("text", clones.stream().map(Clone::templateId).toArray()));
            return insert.executeUpdate();
        }
    }
}
