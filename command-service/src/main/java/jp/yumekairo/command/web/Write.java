package jp.yumekairo.command.web;

import java.net.URI;

/**
 * One write as a controller describes it: the command, what it is about ({@code kind} "project" or "plan"
 * and the id), the reason the person gave, and for a creation where the new resource lives. {@code request}
 * is what an {@code Idempotency-Key} retry must repeat: the command itself, unless the service chose part of it
 * (a made id), which a retry would choose anew.
 */
public record Write(String kind, String aggregateId, Object command, String reason, URI createdAt, Object request) {

    public static Write creation(String kind, String id, Object command, URI location) {
        return new Write(kind, id, command, "", location, command);
    }

    /** A creation whose id the service made: a retry is recognised by {@code request}, the command without it. */
    public static Write creation(String kind, String id, Object command, URI location, Object request) {
        return new Write(kind, id, command, "", location, request);
    }

    public static Write update(String kind, String id, Object command, String reason) {
        return new Write(kind, id, command, reason, null, command);
    }

    boolean creates() {
        return createdAt != null;
    }
}
