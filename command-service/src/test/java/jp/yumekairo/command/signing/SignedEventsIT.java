package jp.yumekairo.command.signing;

import jp.yumekairo.command.support.CommandServiceIT;
import jp.yumekairo.events.signing.KeyFiles;
import jp.yumekairo.events.signing.PublicKeys;
import jp.yumekairo.events.signing.SignedContent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event the service appends carries a signature that its published public key verifies. */
class SignedEventsIT extends CommandServiceIT {

    @Value("${yumekairo.signing.event-key}")
    private Path eventKey;

    @Test
    void everyAppendedEvent_isSignedOverItsStoredBytes_byThePublishedKey() {
        registerGlassProject("signed-glass");
        expectStatus(api.put("sanyo-onoda", "/api/projects/signed-glass/kpis/glass-sales/actuals/2020",
                "{\"value\": 134280, \"status\": \"PROVISIONAL\", \"source\": \"令和2年度実績(速報)\", \"note\": \"\", \"reason\": \"\"}"), 200);
        PublicKeys published = KeyFiles.readPublicKeys(List.of(KeyFiles.publicKeyFile(eventKey)));

        List<Boolean> verified = jdbc.query("SELECT * FROM domain_event_entry ORDER BY global_index", (row, n) ->
                published.verifies(SignedContent.of(row.getString("event_identifier"),
                        row.getString("aggregate_identifier"), row.getLong("sequence_number"), row.getString("type"),
                        row.getString("time_stamp"), row.getString("payload_type"), row.getString("payload_revision"),
                        row.getBytes("payload"), row.getBytes("meta_data")),
                        row.getString("signing_key_id"), row.getBytes("signature")));

        assertThat(verified).hasSizeGreaterThanOrEqualTo(3).containsOnly(true);
    }

    @Test
    void aRowWrittenByHand_copyingASignedOne_doesNotVerify() {
        registerGlassProject("copied-glass");
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                + "time_stamp, payload_type, payload_revision, payload, meta_data, signature, signing_key_id) "
                + "SELECT gen_random_uuid()::text, aggregate_identifier, sequence_number + 100, type, time_stamp, "
                + "payload_type, payload_revision, payload, meta_data, signature, signing_key_id "
                + "FROM domain_event_entry WHERE aggregate_identifier = 'copied-glass' AND sequence_number = 0");
        PublicKeys published = KeyFiles.readPublicKeys(List.of(KeyFiles.publicKeyFile(eventKey)));

        Boolean forged = jdbc.queryForObject("SELECT * FROM domain_event_entry WHERE aggregate_identifier = "
                + "'copied-glass' AND sequence_number = 100", (row, n) -> published.verifies(SignedContent.of(
                        row.getString("event_identifier"), row.getString("aggregate_identifier"),
                        row.getLong("sequence_number"), row.getString("type"), row.getString("time_stamp"),
                        row.getString("payload_type"), row.getString("payload_revision"), row.getBytes("payload"),
                        row.getBytes("meta_data")), row.getString("signing_key_id"), row.getBytes("signature")));

        assertThat(forged).isFalse();
    }
}
