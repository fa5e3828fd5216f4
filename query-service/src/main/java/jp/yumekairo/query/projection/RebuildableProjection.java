package jp.yumekairo.query.projection;

/**
 * A feature's projection, registered as a bean: the auditor's rebuild replays the log through a copy of each
 * one that writes elsewhere than the live views, so the replay runs the very code the live processors run.
 */
public interface RebuildableProjection {

    /** The same projection, its rows written through {@code rows} instead of into the live views. */
    RebuildableProjection writingTo(ProjectionRows rows);
}
