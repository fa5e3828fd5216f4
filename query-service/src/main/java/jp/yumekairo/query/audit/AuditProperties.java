package jp.yumekairo.query.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The hash chain's pace: an event is chained only once it is {@code settleDelay} old, so that an event committed
 * late into a gap of the global index below it has arrived first; the keeper looks every {@code chainInterval}.
 */
@ConfigurationProperties("yumekairo.audit")
record AuditProperties(Duration settleDelay, Duration chainInterval) {

    AuditProperties {
        settleDelay = settleDelay == null ? Duration.ofSeconds(5) : settleDelay;
        chainInterval = chainInterval == null ? Duration.ofSeconds(1) : chainInterval;
    }
}
