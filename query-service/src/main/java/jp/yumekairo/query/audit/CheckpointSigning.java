package jp.yumekairo.query.audit;

import jp.yumekairo.events.signing.KeyFiles;
import jp.yumekairo.events.signing.PublicKeys;
import jp.yumekairo.events.signing.SignedCheckpoint;
import jp.yumekairo.events.signing.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The key this service signs its checkpoints with, read at start: without it the service does not start (the
 * demo makes one on first start). Its public key is published beside the command service's event keys.
 */
@Component
class CheckpointSigning {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSigning.class);

    private final SigningKey key;

    CheckpointSigning(AuditProperties properties) {
        if (properties.checkpointKey() == null) {
            throw new IllegalStateException("yumekairo.audit.checkpoint-key (CHECKPOINT_SIGNING_KEY) names no key "
                    + "file: the query service signs every checkpoint it records and does not start without its key");
        }
        this.key = properties.createMissingKey()
                ? KeyFiles.loadOrCreate(properties.checkpointKey())
                : KeyFiles.load(properties.checkpointKey());
        LOG.info("checkpoints are signed with key {} ({})", key.keyId(), properties.checkpointKey());
    }

    /** The checkpoint at {@code position} with {@code link}, signed now. */
    SignedCheckpoint sign(long position, byte[] link) {
        return SignedCheckpoint.sign(position, link, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), key);
    }

    PublicKeys.Entry publicKey() {
        return key.publicKey();
    }
}
