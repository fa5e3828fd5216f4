package jp.yumekairo.events;

import java.util.List;

/**
 * The metadata keys every event carries, copied from the command that caused it: who, in which role, for which
 * member or sector, why, and in which request. The command service writes them; the projections and the audit
 * log read them.
 */
public final class EventMetadata {

    public static final String USER = "userId";
    public static final String ROLE = "role";
    public static final String MUNICIPALITY = "municipality";
    public static final String SECTOR = "sector";
    public static final String REASON = "reason";
    public static final String REQUEST_ID = "requestId";

    /** Every key, in the order above. */
    public static final List<String> KEYS = List.of(USER, ROLE, MUNICIPALITY, SECTOR, REASON, REQUEST_ID);

    private EventMetadata() {
    }
}
