package jp.yumekairo.query.projection;

import jp.yumekairo.events.Figure;
import jp.yumekairo.events.EventMetadata;
import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.query.projection.ProjectionRow.EventOriginRow;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the rows the events of one batch produce and writes them when the batch's transaction is about to
 * commit: one JDBC batch per table, together with the processor's token. A row is identified by its event's
 * aggregate id and sequence number, which, with the time it was recorded, come from the event's message. Every
 * event also gets its {@code event_origin} row: who, for which member, why, with which request. A batch written
 * to the live views notifies {@code yumekairo_views} as it commits, so that no instance keeps a view it changed.
 */
public final class ProjectionRows {

    /** The channel {@code jp.yumekairo.query.config.EventNotifications} listens on for changed views. */
    public static final String VIEWS_CHANNEL = "yumekairo_views";

    private final JdbcTemplate jdbc;
    private final ProjectionSchema schema;
    private final String resourceKey;

    public ProjectionRows(JdbcTemplate jdbc, ProjectionSchema schema) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.resourceKey = ProjectionRows.class.getName() + "." + schema;
    }

    /** The row {@code message} produces, after the event's origin row; a blank {@code reason} is the metadata's. */
    public void add(EventMessage<?> message, String reason, ProjectionRow row) {
        ProjectionTable table = ProjectionTable.of(row);
        if (table == ProjectionTable.EVENT_ORIGIN) {
            throw new IllegalArgumentException("every event's origin row is added here, never by a projection");
        }
        Batch batch = batch();
        batch.add(ProjectionTable.EVENT_ORIGIN, originOf(message, reason), message);
        batch.add(table, row, message);
    }

    /**
     * How far into the log the reader is at this event: the highest global index seen. Not the event's own index
     * when it was committed late and fills a gap, so it never identifies a row.
     */
    public static long position(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return tracked.trackingToken().position().orElseThrow();
        }
        throw new IllegalStateException("projections read the event store; " + message + " has no position");
    }

    private static OffsetDateTime recordedAt(EventMessage<?> message) {
        return OffsetDateTime.ofInstant(message.getTimestamp(), ZoneOffset.UTC);
    }

    public static BigDecimal valueOf(Figure figure) {
        return figure == null ? null : figure.value();
    }

    public static String[] codes(List<MunicipalityCode> members) {
        return members.stream().map(MunicipalityCode::code).toArray(String[]::new);
    }

    private static EventOriginRow originOf(EventMessage<?> message, String reason) {
        DomainEventMessage<?> event = (DomainEventMessage<?>) message;
        Map<String, ?> meta = message.getMetaData();
        String given = reason == null || reason.isBlank() ? text(meta.get(EventMetadata.REASON)) : reason;
        Object municipality = meta.get(EventMetadata.MUNICIPALITY);
        return new EventOriginRow(event.getAggregateIdentifier(), message.getIdentifier(),
                message.getPayloadType().getSimpleName(), text(meta.get(EventMetadata.USER)),
                text(meta.get(EventMetadata.ROLE)), municipality == null ? null : municipality.toString(), given,
                text(meta.get(EventMetadata.REQUEST_ID)));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("projection rows are written inside an event processor's unit of work");
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(resourceKey, key -> {
            Batch batch = new Batch();
            root.onPrepareCommit(unitOfWork -> batch.flush());
            return batch;
        });
    }

    private final class Batch {

        private final Map<ProjectionTable, List<Object[]>> rows = new EnumMap<>(ProjectionTable.class);

        void add(ProjectionTable table, ProjectionRow row, EventMessage<?> message) {
            rows.computeIfAbsent(table, t -> new ArrayList<>())
                    .add(table.values(row, ((DomainEventMessage<?>) message).getSequenceNumber(), recordedAt(message)));
        }

        void flush() {
            if (rows.isEmpty()) {
                return;
            }
            rows.forEach((table, values) -> jdbc.batchUpdate(table.insert(schema), values));
            rows.clear();
            if (schema == ProjectionSchema.LIVE) {
                // delivered by PostgreSQL when the batch commits, to every query-service instance (CurrentViews)
                jdbc.execute("NOTIFY " + VIEWS_CHANNEL);
            }
        }
    }
}
