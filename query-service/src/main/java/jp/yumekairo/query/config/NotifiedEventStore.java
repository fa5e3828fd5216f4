package jp.yumekairo.query.config;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded event store, which polls the table for events written by another JVM; {@link #wake()} makes
 * it read at once, the way it does after a commit in its own JVM.
 */
public class NotifiedEventStore extends EmbeddedEventStore {

    NotifiedEventStore(Builder builder) {
        super(builder);
    }

    /** New events were committed elsewhere: fetch them now instead of at the next poll. */
    public void wake() {
        afterCommit(List.of());
    }
}
