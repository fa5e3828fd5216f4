package jp.yumekairo.events.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the older shapes of the revised project events as their current revision. Both services register them
 * with their event store, so an event stored before a revision stays readable:
 * <ul>
 *     <li>{@link ProjectCostRecorded} without a revision had a {@code grantAmount} always; revision 2 may have
 *     none (null), so the stored JSON is read as it is.</li>
 *     <li>{@link EvaluationSubmitted} and {@link EvaluationRevised} without a revision had no
 *     {@code policyRationale}: they read with an empty one.</li>
 * </ul>
 */
public final class ProjectUpcasters {

    private ProjectUpcasters() {
    }

    public static List<EventUpcaster> all() {
        return List.of(
                new ToRevision(ProjectCostRecorded.class, null, "2", payload -> {
                }),
                new ToRevision(EvaluationSubmitted.class, null, "2", ProjectUpcasters::emptyPolicyRationale),
                new ToRevision(EvaluationRevised.class, null, "2", ProjectUpcasters::emptyPolicyRationale));
    }

    private static void emptyPolicyRationale(ObjectNode payload) {
        if (!payload.has("policyRationale")) {
            payload.put("policyRationale", "");
        }
    }

    /** One stored revision of one event type to the next, changing the JSON in place. */
    private static final class ToRevision extends SingleEventUpcaster {

        private final SimpleSerializedType from;
        private final SimpleSerializedType to;
        private final Consumer<ObjectNode> change;

        ToRevision(Class<?> type, String fromRevision, String toRevision, Consumer<ObjectNode> change) {
            this.from = new SimpleSerializedType(type.getName(), fromRevision);
            this.to = new SimpleSerializedType(type.getName(), toRevision);
            this.change = change;
        }

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return from.equals(representation.getType());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(to, JsonNode.class, payload -> {
                change.accept((ObjectNode) payload);
                return payload;
            });
        }
    }
}
