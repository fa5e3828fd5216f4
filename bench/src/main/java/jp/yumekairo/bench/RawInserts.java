package jp.yumekairo.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The machine's own write limit: single-row INSERT transactions per second from a plain JDBC loop, autocommit,
 * one transaction per insert, each client on its own connection. The row is event-sized: the columns of
 * {@code domain_event_entry} with the bytes of a real ActualRecorded event's payload and metadata, into a scratch
 * table with the same keys and indexes (primary key from a sequence, unique event id, unique (aggregate,
 * sequence), timestamp index). Each client appends to an aggregate of its own, as a command does.
 */
final class RawInserts {

    private static final String TABLE = "bench_raw_insert";

    /** The shape of the sample event the scratch rows copy. */
    record Sample(String aggregateId, String type, String payloadType, byte[] payload, byte[] metaData) {

        Map<String, Object> describe() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("payload_type", payloadType);
            out.put("payload_bytes", payload.length);
            out.put("meta_data_bytes", metaData.length);
            out.put("aggregate_id_chars", aggregateId.length());
            return out;
        }
    }

    private final Database database;
    private final Sample sample;

    RawInserts(Database database) throws SQLException {
        this.database = database;
        this.sample = sample();
        database.execute("""
                CREATE TABLE %s (
                    global_index         bigserial    PRIMARY KEY,
                    event_identifier     varchar(255) NOT NULL UNIQUE,
                    aggregate_identifier varchar(255) NOT NULL,
                    sequence_number      bigint       NOT NULL,
                    type                 varchar(255),
                    time_stamp           varchar(255) NOT NULL,
                    payload_type         varchar(255) NOT NULL,
                    payload_revision     varchar(255),
                    payload              bytea        NOT NULL,
                    meta_data            bytea,
                    UNIQUE (aggregate_identifier, sequence_number)
                );
                CREATE INDEX %s_time_stamp_idx ON %s (time_stamp);
                """.formatted(TABLE, TABLE, TABLE));
    }

    Sample sampleRow() {
        return sample;
    }

    private Sample sample() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT aggregate_identifier, type, payload_type, payload, meta_data "
                     + "FROM domain_event_entry WHERE payload_type LIKE '%ActualRecorded' ORDER BY global_index DESC LIMIT 1")) {
            if (!row.next()) {
                throw new IllegalStateException("no ActualRecorded event to take the row size from");
            }
            return new Sample(row.getString(1), row.getString(2), row.getString(3), row.getBytes(4), row.getBytes(5));
        }
    }

    /**
     * A connection, waiting for one when the server's max_connections are all taken (a shared PostgreSQL: other
     * work may hold many for a while).
     */
    private Connection connectPatiently() throws SQLException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            try {
                return database.connect();
            } catch (SQLException refused) {
                if (!"53300".equals(refused.getSQLState()) || System.nanoTime() > deadline) {
                    throw refused;
                }
                Bench.log("PostgreSQL has no connection free (too many clients); waiting");
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            }
        }
    }

    /** Inserts from {@code clients} connections for the warm-up and the measured window. */
    Load.Outcome run(int clients, Duration warmUp, Duration measure) throws SQLException {
        Connection[] connections = new Connection[clients];
        PreparedStatement[] inserts = new PreparedStatement[clients];
        String[] aggregates = new String[clients];
        try {
            for (int c = 0; c < clients; c++) {
                connections[c] = connectPatiently();
                connections[c].setAutoCommit(true);
                inserts[c] = connections[c].prepareStatement("INSERT INTO " + TABLE + " (event_identifier, "
                        + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, "
                        + "payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)");
                // same length as the sample's id, distinct per client and run
                String id = (UUID.randomUUID().toString().replace("-", "") + "x".repeat(64));
                aggregates[c] = id.substring(0, Math.max(8, Math.min(64, sample.aggregateId().length())));
            }
            return Load.run("raw-insert", clients, warmUp, measure, (client, n) -> {
                PreparedStatement insert = inserts[client];
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, aggregates[client]);
                insert.setLong(3, n);
                insert.setString(4, sample.type());
                insert.setString(5, Instant.now().toString());
                insert.setString(6, sample.payloadType());
                insert.setBytes(7, sample.payload());
                insert.setBytes(8, sample.metaData());
                insert.executeUpdate();
                return 200;
            });
        } finally {
            for (Connection connection : connections) {
                if (connection != null) {
                    connection.close();
                }
            }
        }
    }
}
