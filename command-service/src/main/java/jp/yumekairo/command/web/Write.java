package jp.yumekairo.command.web;

import java.net.URI;

/**
 * One write as a controller describes it: the command, what it is about ({@code kind} "project" or "plan"
 * and the id), the reason the person gave, and for a creation where the new resource lives.
 */
public record Write(String kind, String aggregateId, Object command, String reason, URI createdAt) {

    public static Write creation(String kind, String id, Object command, URI location) {
        return new Write(kind, id, command, "", location);
    }

    public static Write update(String kind, String id, Object command, String reason) {
        return new Write(kind, id, command, reason, null);
    }

    boolean creates() {
        return createdAt != null;
    }
}
