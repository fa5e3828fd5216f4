package jp.yumekairo.query.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where each event processor stands: per segment its position in the log and which instance holds it (read
 * from the token table, so it covers every instance), and the head of the log. Reading the table never claims.
 */
@Component
public class ProcessorPositions {

    /** One segment's token. {@code position} is -1 before the first event. */
    public record Segment(int segment, long position, String owner, boolean claimedHere) {
    }

    /** A processor's segments, its slowest position, and how many events it is behind the head. */
    public record Processor(String name, boolean runningHere, boolean errorHere, long position, long head, long lag,
                            List<Segment> segments) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;

    ProcessorPositions(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
    }

    public long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), -1) FROM public.domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    public List<Processor> processors() {
        long head = head();
        List<Processor> processors = new ArrayList<>();
        for (String name : new TreeSet<>(processing.eventProcessors().keySet())) {
            Optional<StreamingEventProcessor> local = processing.eventProcessor(name, StreamingEventProcessor.class);
            Map<Integer, EventTrackerStatus> claimedHere = local.map(StreamingEventProcessor::processingStatus)
                    .orElse(Map.of());
            List<Segment> segments = jdbc.query("SELECT segment, token, token_type, owner FROM query.token_entry "
                            + "WHERE processor_name = ? ORDER BY segment",
                    (row, index) -> new Segment(row.getInt("segment"),
                            position(row.getBytes("token"), row.getString("token_type")), row.getString("owner"),
                            claimedHere.containsKey(row.getInt("segment"))), name);
            long position = segments.stream().mapToLong(Segment::position).min().orElse(-1);
            boolean error = claimedHere.values().stream().anyMatch(EventTrackerStatus::isErrorState);
            processors.add(new Processor(name, local.map(StreamingEventProcessor::isRunning).orElse(false), error,
                    position, head, Math.max(0, head - position), segments));
        }
        return processors;
    }

    private long position(byte[] token, String type) {
        if (token == null || type == null) {
            return -1;
        }
        SerializedType serializedType = new SimpleSerializedType(type, null);
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, serializedType));
        return tracking == null ? -1 : tracking.position().orElse(-1);
    }
}
