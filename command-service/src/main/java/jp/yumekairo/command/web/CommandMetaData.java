package jp.yumekairo.command.web;

import jp.yumekairo.command.auth.Actor;
import jp.yumekairo.events.EventMetadata;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;

/**
 * The metadata every command, and so every event, carries under the keys of {@link EventMetadata}: who, for which
 * member, why, in which request.
 */
public final class CommandMetaData {

    private CommandMetaData() {
    }

    public static MetaData of(Actor actor, String reason, String requestId) {
        Map<String, Object> entries = new HashMap<>(actor.toMetaData());
        if (reason != null && !reason.isBlank()) {
            entries.put(EventMetadata.REASON, reason);
        }
        entries.put(EventMetadata.REQUEST_ID, requestId);
        return MetaData.from(entries);
    }
}
