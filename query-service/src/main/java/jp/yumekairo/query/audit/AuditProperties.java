package jp.yumekairo.query.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The hash chain's pace: an event is chained only once it is {@code settleDelay} old, so that an event committed
 * late into a gap of the global index below it has arrived first; the keeper looks every {@code chainInterval}.
 * {@code eventPublicKeys}: the command service's published public keys (files, or directories of
 * {@code *.pub.pem}) every event's signature is checked against. {@code checkpointKey}: the key this service
 * signs its checkpoints with (PKCS#8 PEM, public key beside it), made on first start only when
 * {@code createMissingKey} (the demo); a checkpoint is recorded at the head every {@code checkpointInterval}.
 */
@ConfigurationProperties("yumekairo.audit")
record AuditProperties(Duration settleDelay, Duration chainInterval, List<Path> eventPublicKeys,
                       Path checkpointKey, boolean createMissingKey, Duration checkpointInterval) {

    AuditProperties {
        checkpointInterval = checkpointInterval == null ? Duration.ofHours(1) : checkpointInterval;
        settleDelay = settleDelay == null ? Duration.ofSeconds(5) : settleDelay;
        chainInterval = chainInterval == null ? Duration.ofSeconds(1) : chainInterval;
        eventPublicKeys = eventPublicKeys == null ? List.of() : List.copyOf(eventPublicKeys);
    }
}
