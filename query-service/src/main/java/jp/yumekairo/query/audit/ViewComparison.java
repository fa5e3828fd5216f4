package jp.yumekairo.query.audit;

import jp.yumekairo.query.projection.ProjectionChecksums;
import jp.yumekairo.query.projection.ProjectionChecksums.TableComparison;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Compares the rebuilt views with the live ones, table by table, up to the point of the log the replay reached:
 * once the live processors have passed that point too, since only then is the comparison fair.
 */
@Component
class ViewComparison {

    private static final Duration LIVE_CATCH_UP = Duration.ofMinutes(2);

    private final JdbcTemplate jdbc;
    private final ProjectionChecksums checksums;

    ViewComparison(JdbcTemplate jdbc, ProjectionChecksums checksums) {
        this.jdbc = jdbc;
        this.checksums = checksums;
    }

    /** Waits (calling {@code waiting} meanwhile) until the live views hold every event up to {@code headIndex}. */
    List<TableComparison> compare(long headIndex, Runnable waiting) {
        Instant deadline = Instant.now().plus(LIVE_CATCH_UP);
        while (liveRowsMissing(headIndex) > 0) {
            waiting.run();
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the live views did not reach event " + headIndex + " within "
                        + LIVE_CATCH_UP);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        return checksums.compare(headIndex);
    }

    private long liveRowsMissing(long headIndex) {
        Long missing = jdbc.queryForObject("SELECT count(*) FROM public.domain_event_entry d WHERE d.global_index <= ? "
                + "AND NOT EXISTS (SELECT 1 FROM query.event_origin o WHERE o.aggregate_id = d.aggregate_identifier "
                + "AND o.sequence_number = d.sequence_number)", Long.class, headIndex);
        return missing == null ? 0 : missing;
    }
}
