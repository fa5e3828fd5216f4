package jp.yumekairo.query.projection;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Actuator health ({@code /actuator/health/eventProcessors}): each processor's position, the head of the log and
 * the lag between them. DOWN when a processor of this instance stopped or keeps failing on an event.
 */
@Component("eventProcessors")
class ProcessorHealth extends AbstractHealthIndicator {

    private final ProcessorPositions positions;

    ProcessorHealth(ProcessorPositions positions) {
        this.positions = positions;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = true;
        for (ProcessorPositions.Processor processor : positions.processors()) {
            builder.withDetail(processor.name(), processor);
            up &= processor.runningHere() && !processor.errorHere();
        }
        if (up) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
