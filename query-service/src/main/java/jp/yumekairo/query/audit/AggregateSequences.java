package jp.yumekairo.query.audit;

import java.util.HashMap;
import java.util.Map;

/**
 * What the signatures say about the order of the log: each aggregate's events are numbered 0, 1, 2, … in the
 * order they were appended, and each number is signed. Walking the log in global order, a number skipped is a
 * deleted event, a number out of turn a moved one — even when the hash chain was recomputed over the change.
 * Plain Java: the service, the command-line verifier and the witness share it.
 */
final class AggregateSequences {

    private final Map<String, Long> last = new HashMap<>();

    /** Null when {@code event} is the next of its aggregate, else why it is not. */
    String follow(StoredEvent event) {
        Long previous = last.put(event.aggregateIdentifier(), event.sequenceNumber());
        long expected = previous == null ? 0 : previous + 1;
        if (event.sequenceNumber() == expected) {
            return null;
        }
        return "the event at position " + event.globalIndex() + " (" + event.eventIdentifier() + ") is number "
                + event.sequenceNumber() + " of " + event.aggregateIdentifier() + ", but number " + expected
                + " was due: an event of it was deleted, or events were moved";
    }
}
