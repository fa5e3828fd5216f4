package jp.yumekairo.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import jp.yumekairo.query.support.Api;
import jp.yumekairo.query.support.Seeds;
import jp.yumekairo.query.support.Services;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack the hash chain alone let through: the table's owner (the command service's own role, no trigger
 * in the way) appends a copy of a genuine ActualRecorded with the figure changed, signature and all. Once it is
 * chained as genuine, the service's verify and the command-line verifier still name it as forged, at its position.
 */
class ForgedEventIT {

    private static final String PROJECT = "mine-health-forged";

    private static Services services;
    private static Api api;

    @BeforeAll
    static void start() {
        services = Services.start(ForgedEventIT.class, 1);
        api = services.api();
        new Seeds(api).mineHealthProject(PROJECT);
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void anEventAppendedByTheTablesOwner_copyingAGenuineOne_isNamedAsForged_byTheApiAndTheCommandLine()
            throws Exception {
        long genuine = services.count("SELECT min(global_index) FROM domain_event_entry WHERE aggregate_identifier = '"
                + PROJECT + "' AND payload_type LIKE '%.ActualRecorded'"
                + " AND convert_from(payload, 'UTF8')::jsonb->>'kpiId' = 'checkups'");
        long forged;
        try (Connection owner = services.connect(); PreparedStatement append = owner.prepareStatement(
                "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                        + "time_stamp, payload_type, payload_revision, payload, meta_data, signature, signing_key_id) "
                        + "SELECT gen_random_uuid()::text, aggregate_identifier, (SELECT max(sequence_number) + 1 "
                        + "FROM domain_event_entry WHERE aggregate_identifier = ?), type, time_stamp, payload_type, "
                        + "payload_revision, convert_to(replace(convert_from(payload, 'UTF8'), '38.3', '99.9'), 'UTF8'), "
                        + "meta_data, signature, signing_key_id FROM domain_event_entry WHERE global_index = ? "
                        + "RETURNING global_index")) {
            append.setString(1, PROJECT);
            append.setLong(2, genuine);
            try (ResultSet inserted = append.executeQuery()) {
                inserted.next();
                forged = inserted.getLong(1);
            }
        }
        // the chain keeper takes it in like any other event: the chain alone would call it genuine
        Awaitility.await("the forged event chained").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> services.count("SELECT count(*) FROM query.audit_chain WHERE global_index = " + forged) == 1);
        assertThat(api.get("mine", "/api/projects/" + PROJECT).toString()).contains("99.9");

        JsonNode verdict = api.get("auditor", "/api/audit/verify");
        JsonNode head = api.get("auditor", "/api/audit/checkpoints").get("head");
        TamperEvidenceIT.Verifier commandLine = TamperEvidenceIT.verifier(services, head.get("position").asLong(),
                head.get("hash").asText());

        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isFalse();
        assertThat(verdict.get("firstBrokenPosition").asLong()).isEqualTo(forged);
        assertThat(verdict.get("reason").asText()).contains("position " + forged).contains("forged");
        assertThat(commandLine.exit()).as(commandLine.output()).isEqualTo(1);
        assertThat(commandLine.output()).contains("BROKEN").contains("position " + forged).contains("forged");
    }
}
