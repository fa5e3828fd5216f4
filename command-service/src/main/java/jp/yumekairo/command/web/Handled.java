package jp.yumekairo.command.web;

import java.util.Map;

/**
 * What a command handler returns when the client needs more than the aggregate's new version, such as the id
 * of a comment the aggregate numbered; {@code answer}'s entries are added to the response body.
 */
public record Handled(long aggregateVersion, Map<String, Object> answer) {

    public Handled {
        answer = Map.copyOf(answer);
    }
}
