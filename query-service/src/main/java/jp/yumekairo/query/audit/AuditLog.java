package jp.yumekairo.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import jp.yumekairo.events.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The event log as the auditor reads it: every stored event in global order with its payload and metadata as
 * JSON, a page at a time (keyset on the position) or all of it as NDJSON from a server-side cursor, so that a
 * log of any length streams in constant memory. Only AUDITOR and ADMIN read it, since it shows every member's
 * writes with their metadata, whether the API or the auditor's page asks.
 */
@Component
class AuditLog {

    /** One event as stored: identity, payload and metadata (who, role, member, sector, reason, request id). */
    record AuditEvent(long position, String eventId, String type, String payloadType, String payloadRevision,
                      String aggregateType, String aggregateId, long sequence, String timestamp, JsonNode payload,
                      JsonNode metaData) {
    }

    /** A page of events; {@code next} is the {@code after} of the following page, null on the last one. */
    record Page(List<AuditEvent> events, Long next) {
    }

    /** Who may read the log, the chain's verdict and the rebuild: the same roles the API's URL rules name. */
    static final String AUDITORS = "hasAnyRole('AUDITOR','ADMIN')";

    private static final ObjectMapper EVENTS = EventJson.objectMapper();
    private static final int FETCH = 500;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;
    private final ObjectMapper json;

    AuditLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cursor = new JdbcTemplate(jdbc.getDataSource());
        this.cursor.setFetchSize(FETCH);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.json = json;
    }

    @PreAuthorize(AUDITORS)
    public Page page(EventCriteria criteria, int limit) {
        List<AuditEvent> events = new ArrayList<>(jdbc.query("SELECT " + columns() + criteria.fromWhere()
                        + " ORDER BY e.global_index LIMIT " + (limit + 1), (row, i) -> event(StoredEvent.read(row)),
                criteria.arguments()));
        Long next = null;
        if (events.size() > limit) {
            events.remove(limit);
            next = events.get(limit - 1).position();
        }
        return new Page(events, next);
    }

    /** Writes every selected event as one line of JSON, reading the log through a cursor in one snapshot. */
    @PreAuthorize(AUDITORS)
    public void export(EventCriteria criteria, OutputStream out) {
        each(criteria, event -> {
            try {
                out.write(json.writeValueAsBytes(event));
                out.write('\n');
            } catch (IOException gone) {
                throw new UncheckedIOException(gone);
            }
        });
    }

    /** Hands every selected event on in the log's order, read through a cursor in one snapshot. */
    @PreAuthorize(AUDITORS)
    public void each(EventCriteria criteria, Consumer<AuditEvent> handler) {
        readOnly.executeWithoutResult(status -> cursor.query("SELECT " + columns() + criteria.fromWhere()
                + " ORDER BY e.global_index", (RowCallbackHandler) row -> handler.accept(event(StoredEvent.read(row))),
                criteria.arguments()));
    }

    private static String columns() {
        return StoredEvent.columns("e");
    }

    private static AuditEvent event(StoredEvent stored) {
        return new AuditEvent(stored.globalIndex(), stored.eventIdentifier(), stored.simpleType(), stored.payloadType(),
                stored.payloadRevision(), stored.type(), stored.aggregateIdentifier(), stored.sequenceNumber(),
                stored.timestamp(), tree(stored.payload()), tree(stored.metaData()));
    }

    /** The stored bytes as JSON; bytes that are not JSON (any more) are shown as text rather than hidden. */
    private static JsonNode tree(byte[] content) {
        if (content == null) {
            return null;
        }
        try {
            return EVENTS.readTree(content);
        } catch (IOException notJson) {
            return TextNode.valueOf(new String(content, StandardCharsets.UTF_8));
        }
    }
}
