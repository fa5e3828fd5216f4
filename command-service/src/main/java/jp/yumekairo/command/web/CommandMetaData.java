package jp.yumekairo.command.web;

import jp.yumekairo.command.auth.Actor;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;

/** The metadata every command, and so every event, carries: who, for which member, why, in which request. */
public final class CommandMetaData {

    public static final String REASON = "reason";
    public static final String REQUEST_ID = "requestId";
    public static final String[] KEYS = {Actor.USER, Actor.ROLE, Actor.MUNICIPALITY, Actor.SECTOR, REASON, REQUEST_ID};

    private CommandMetaData() {
    }

    public static MetaData of(Actor actor, String reason, String requestId) {
        Map<String, Object> entries = new HashMap<>(actor.toMetaData());
        if (reason != null && !reason.isBlank()) {
            entries.put(REASON, reason);
        }
        entries.put(REQUEST_ID, requestId);
        return MetaData.from(entries);
    }
}
