package jp.yumekairo.query.audit;

import jp.yumekairo.events.signing.KeyFiles;
import jp.yumekairo.events.signing.PublicKeys;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The command service's published public keys, read at start: the service does not start without at least one,
 * because a verifier that cannot check signatures would call a forged event genuine.
 */
@Component
class EventSignatures {

    private final PublicKeys published;

    EventSignatures(AuditProperties properties) {
        if (properties.eventPublicKeys().isEmpty()) {
            throw new IllegalStateException("yumekairo.audit.event-public-keys (EVENT_PUBLIC_KEYS) names no public "
                    + "key: every event's signature is checked against the command service's published keys");
        }
        this.published = KeyFiles.readPublicKeys(properties.eventPublicKeys());
        if (published.isEmpty()) {
            throw new IllegalStateException("no *.pub.pem public key in " + properties.eventPublicKeys());
        }
    }

    boolean genuine(StoredEvent event) {
        return event.signedBy(published);
    }

    /** The keys, as an auditor copies them out: id and PEM. */
    List<PublishedKey> published() {
        return published.all().stream().map(entry -> new PublishedKey(entry.keyId(), entry.pem())).toList();
    }

    record PublishedKey(String keyId, String pem) {
    }
}
