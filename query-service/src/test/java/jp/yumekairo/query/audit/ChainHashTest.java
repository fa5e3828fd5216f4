package jp.yumekairo.query.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChainHashTest {

    private static final StoredEvent EVENT = new StoredEvent(42, "e-1", "mine-health", 3, "Project",
            "jp.yumekairo.events.project.ActualRecorded", null, "2026-11-23T21:41:17.064Z",
            bytes("{\"actual\":{\"value\":38.3}}"), bytes("{\"userId\":\"mine\"}"), null, null);

    @Test
    void theSameEventAfterTheSameLink_alwaysLinksAlike() {
        assertThat(ChainHash.link(ChainHash.GENESIS, EVENT)).isEqualTo(ChainHash.link(new byte[32], EVENT))
                .hasSize(32);
    }

    @Test
    void changingAnyStoredField_orThePreviousLink_changesTheLink() {
        byte[] link = ChainHash.link(ChainHash.GENESIS, EVENT);
        byte[] other = new byte[32];
        other[31] = 1;

        assertThat(ChainHash.link(other, EVENT)).isNotEqualTo(link);
        assertThat(ChainHash.link(ChainHash.GENESIS, with(43, EVENT.eventIdentifier(), EVENT.payload(), EVENT.metaData())))
                .isNotEqualTo(link);
        assertThat(ChainHash.link(ChainHash.GENESIS, with(42, "e-2", EVENT.payload(), EVENT.metaData())))
                .isNotEqualTo(link);
        assertThat(ChainHash.link(ChainHash.GENESIS, with(42, "e-1", bytes("{\"actual\":{\"value\":39.3}}"),
                EVENT.metaData()))).isNotEqualTo(link);
        assertThat(ChainHash.link(ChainHash.GENESIS, with(42, "e-1", EVENT.payload(), bytes("{\"userId\":\"hagi\"}"))))
                .isNotEqualTo(link);
    }

    @Test
    void aByteMovedFromOneFieldToTheNext_changesTheLink_becauseEveryFieldIsLengthPrefixed() {
        StoredEvent split = with(42, "e-1", bytes("ab"), bytes("c"));
        StoredEvent shifted = with(42, "e-1", bytes("a"), bytes("bc"));
        StoredEvent missing = with(42, "e-1", bytes("abc"), null);
        StoredEvent empty = with(42, "e-1", bytes("abc"), new byte[0]);

        assertThat(ChainHash.link(ChainHash.GENESIS, split)).isNotEqualTo(ChainHash.link(ChainHash.GENESIS, shifted));
        assertThat(ChainHash.link(ChainHash.GENESIS, missing)).isNotEqualTo(ChainHash.link(ChainHash.GENESIS, empty));
    }

    @Test
    void aLinkIsWrittenAndReadAs64HexDigits() {
        byte[] link = ChainHash.link(ChainHash.GENESIS, EVENT);

        assertThat(ChainHash.hex(link)).hasSize(64).matches("[0-9a-f]+");
        assertThat(ChainHash.parse(ChainHash.hex(link).toUpperCase())).isEqualTo(link);
        assertThatThrownBy(() -> ChainHash.parse("abc")).isInstanceOf(IllegalArgumentException.class);
    }

    private static StoredEvent with(long index, String id, byte[] payload, byte[] metaData) {
        return new StoredEvent(index, id, EVENT.aggregateIdentifier(), EVENT.sequenceNumber(), EVENT.type(),
                EVENT.payloadType(), EVENT.payloadRevision(), EVENT.timestamp(), payload, metaData, null, null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
