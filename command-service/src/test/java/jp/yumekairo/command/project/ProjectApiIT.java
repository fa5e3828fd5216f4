package jp.yumekairo.command.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.yumekairo.command.support.Api.Response;
import jp.yumekairo.command.support.CommandServiceIT;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A clerk's session over HTTP, and what it leaves in the event table. */
class ProjectApiIT extends CommandServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aClerksSession_isStoredAsEvents_withWhoWhyAndTheRequestId() throws Exception {
        Response registered = expectStatus(api.post("sanyo-onoda", "/api/projects",
                SANYO_ONODA_GLASS.formatted("glass"), "X-Request-Id", "clerk-session-1"), 201);
        assertThat(registered.header("Location")).isEqualTo("/api/projects/glass");
        assertThat(registered.header("ETag")).isEqualTo("\"1\"");
        assertThat(registered.json().get("projectId").asText()).isEqualTo("glass");
        assertThat(registered.json().get("version").asLong()).isEqualTo(1);

        assertThat(api.post("sanyo-onoda", "/api/projects/glass/kpis", GLASS_SALES_KPI).json()
                .get("version").asLong()).isEqualTo(2);
        assertThat(api.put("sanyo-onoda", "/api/projects/glass/kpis/glass-sales/targets/2021",
                "{\"value\": 10000000, \"reason\": \"\"}").json().get("version").asLong()).isEqualTo(3);
        assertThat(api.put("sanyo-onoda", "/api/projects/glass/kpis/glass-sales/actuals/2021",
                "{\"value\": 134280, \"status\": \"PROVISIONAL\", \"source\": \"令和3年度実績(速報)\", \"note\": \"\", \"reason\": \"\"}")
                .json().get("version").asLong()).isEqualTo(4);

        Response uncorrected = api.put("sanyo-onoda", "/api/projects/glass/kpis/glass-sales/actuals/2021",
                "{\"value\": 134280, \"status\": \"CONFIRMED\", \"source\": \"令和3年度実績\", \"note\": \"\", \"reason\": \"\"}");
        assertThat(uncorrected.status()).isEqualTo(409);
        assertThat(uncorrected.json().get("code").asText()).isEqualTo("reason-required");

        Response corrected = api.put("sanyo-onoda", "/api/projects/glass/kpis/glass-sales/actuals/2021",
                "{\"value\": 134280, \"status\": \"CONFIRMED\", \"source\": \"令和3年度実績\", \"note\": \"\", \"reason\": \"速報値を確定値に更新\"}",
                "X-Request-Id", "clerk-correction-7");
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.header("ETag")).isEqualTo("\"5\"");

        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT sequence_number, payload_type, convert_from(payload, 'UTF8') AS payload,
                       convert_from(meta_data, 'UTF8') AS meta
                FROM domain_event_entry WHERE aggregate_identifier = 'glass' ORDER BY sequence_number""");
        assertThat(rows).extracting(row -> row.get("payload_type").toString().replaceAll(".*\\.", ""))
                .containsExactly("ProjectRegistered", "KpiDefined", "TargetRevised", "ActualRecorded", "ActualRecorded");

        JsonNode first = JSON.readTree(rows.get(0).get("meta").toString());
        assertThat(first.get("userId").asText()).isEqualTo("sanyo-onoda");
        assertThat(first.get("role").asText()).isEqualTo("EDITOR");
        assertThat(first.get("municipality").asText()).isEqualTo("35216");
        assertThat(first.get("requestId").asText()).isEqualTo("clerk-session-1");

        JsonNode correction = JSON.readTree(rows.get(4).get("meta").toString());
        assertThat(correction.get("reason").asText()).isEqualTo("速報値を確定値に更新");
        assertThat(correction.get("requestId").asText()).isEqualTo("clerk-correction-7");
        JsonNode correctionPayload = JSON.readTree(rows.get(4).get("payload").toString());
        assertThat(correctionPayload.get("actual").get("value").asLong()).isEqualTo(134280);
        assertThat(correctionPayload.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(correctionPayload.get("reason").asText()).isEqualTo("速報値を確定値に更新");
    }

    @Test
    void aStaleIfMatch_gets412_andStoresNothing() {
        registerGlassProject("glass-if-match");
        String path = "/api/projects/glass-if-match/kpis/glass-sales/targets/2021";
        Response fresh = api.put("sanyo-onoda", path, "{\"value\": 10000000, \"reason\": \"\"}", "If-Match", "\"2\"");
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.header("ETag")).isEqualTo("\"3\"");
        long before = eventCount();

        Response stale = api.put("sanyo-onoda", path, "{\"value\": 12000000, \"reason\": \"上方修正\"}", "If-Match", "\"2\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("code").asText()).isEqualTo("stale-version");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void concurrentWritesWithTheSameIfMatch_exactlyOneWins_theOthersGet412() throws Exception {
        registerGlassProject("glass-race");
        long before = eventCount();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int value = 10_000_000 + i;
                writers.add(() -> api.put("sanyo-onoda", "/api/projects/glass-race/kpis/glass-sales/targets/2021",
                        "{\"value\": " + value + ", \"reason\": \"\"}", "If-Match", "\"2\"").status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(writers)) {
                statuses.add(status.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s != 200).allMatch(s -> s == 412 || s == 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void aRepeatedIdempotencyKey_storesOneEvent_andReturnsTheFirstAnswer() {
        registerGlassProject("glass-retry");
        String path = "/api/projects/glass-retry/kpis/glass-sales/actuals/2021";
        String body = "{\"value\": 134280, \"status\": \"CONFIRMED\", \"source\": \"実績報告\"}";
        long before = eventCount();

        Response first = api.put("sanyo-onoda", path, body, "Idempotency-Key", "retry-1");
        Response retry = api.put("sanyo-onoda", path, body, "Idempotency-Key", "retry-1");

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void aRepeatedIdempotencyKeyOnACreation_doesNotRegisterTwice() {
        long before = eventCount();
        Response first = api.post("sanyo-onoda", "/api/projects", SANYO_ONODA_GLASS.formatted("glass-once"),
                "Idempotency-Key", "create-1");
        Response retry = api.post("sanyo-onoda", "/api/projects", SANYO_ONODA_GLASS.formatted("glass-once"),
                "Idempotency-Key", "create-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Location")).isEqualTo("/api/projects/glass-once");
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void anIdempotencyKeyReusedForADifferentRequest_isRefused_andStoresNothing() {
        registerGlassProject("glass-key-reuse");
        String path = "/api/projects/glass-key-reuse/kpis/glass-sales/targets/";
        expectStatus(api.put("sanyo-onoda", path + "2021", "{\"value\": 10000000}", "Idempotency-Key", "k"), 200);
        long before = eventCount();

        Response reused = api.put("sanyo-onoda", path + "2022", "{\"value\": 15000000}", "Idempotency-Key", "k");

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("code").asText()).isEqualTo("idempotency-key-reused");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void theSameKeyOfAnotherUser_isAnotherRequest() {
        definePlan("plan-keys");
        long before = eventCount();
        expectStatus(api.put("yamaguchi", "/api/plans/plan-keys/kgis/settled-population/figures/35203/2020",
                "{\"value\": 194110, \"status\": \"PROVISIONAL\", \"source\": \"令和2年国勢調査 人口速報集計\"}",
                "Idempotency-Key", "census-2020"), 200);
        expectStatus(api.put("ube", "/api/plans/plan-keys/kgis/settled-population/figures/35202/2020",
                "{\"value\": 162570, \"status\": \"PROVISIONAL\", \"source\": \"令和2年国勢調査 人口速報集計\"}",
                "Idempotency-Key", "census-2020"), 200);
        assertThat(eventCount()).isEqualTo(before + 2);
    }

    @Test
    void repeatingTheSameFigure_changesNothing_andReturnsTheCurrentVersion() {
        registerGlassProject("glass-same");
        String path = "/api/projects/glass-same/kpis/glass-sales/targets/2021";
        Response set = expectStatus(api.put("sanyo-onoda", path, "{\"value\": 10000000}"), 200);
        long before = eventCount();

        Response again = expectStatus(api.put("sanyo-onoda", path, "{\"value\": 10000000.00}"), 200);

        assertThat(again.header("ETag")).isEqualTo(set.header("ETag"));
        assertThat(eventCount()).isEqualTo(before);
    }

    private static final String HAGI_PROJECT = """
            {"leadMunicipality": "35204", "participants": ["35203", "35213"], "name": "萩・山口・美祢の周遊観光推進事業",
             "summary": "", "scope": "WIDE_AREA", "grantProgram": "SECOND_GENERATION", "department": "観光課",
             "firstFiscalYear": 2024, "lastFiscalYear": 2026}""";

    private static final String NAMELESS_KPI = """
            {"name": "周遊観光客数", "unit": "人", "direction": "HIGHER_IS_BETTER", "measure": "ABSOLUTE"}""";

    @Test
    void aProjectAndItsKpis_registeredWithoutIds_getIdsTheServiceMakes() {
        Response first = expectStatus(api.post("hagi", "/api/projects", HAGI_PROJECT), 201);
        String projectId = first.json().get("projectId").asText();
        assertThat(projectId).matches("35204-r6-[0-9]+").matches(jp.yumekairo.command.web.Ids.PATTERN);
        assertThat(first.header("Location")).isEqualTo("/api/projects/" + projectId);
        int number = Integer.parseInt(projectId.substring("35204-r6-".length()));

        Response second = expectStatus(api.post("hagi", "/api/projects", HAGI_PROJECT), 201);
        assertThat(second.json().get("projectId").asText()).isEqualTo("35204-r6-" + (number + 1));

        Response kpi = expectStatus(api.post("hagi", "/api/projects/" + projectId + "/kpis", NAMELESS_KPI), 200);
        assertThat(kpi.json().get("kpiId").asText()).isEqualTo("kpi-1");
        assertThat(kpi.json().get("version").asLong()).isEqualTo(2);
        assertThat(expectStatus(api.post("hagi", "/api/projects/" + projectId + "/kpis", NAMELESS_KPI), 200)
                .json().get("kpiId").asText()).isEqualTo("kpi-2");
        assertThat(expectStatus(api.post("hagi", "/api/projects/" + projectId + "/kpis",
                NAMELESS_KPI.replace("{", "{\"kpiId\": \"stay-nights\", ")), 200).json().get("kpiId").asText())
                .isEqualTo("stay-nights");
    }

    @Test
    void aRetriedRegistrationWithoutId_underTheSameIdempotencyKey_registersOnce_andAnswersTheSameId() {
        long before = eventCount();
        Response first = expectStatus(api.post("hagi", "/api/projects", HAGI_PROJECT, "Idempotency-Key", "made-id-1"), 201);
        Response retry = expectStatus(api.post("hagi", "/api/projects", HAGI_PROJECT, "Idempotency-Key", "made-id-1"), 201);

        assertThat(retry.json().get("projectId")).isEqualTo(first.json().get("projectId"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void theYearsPublishedTexts_anUnknownGrant_andCorrections_areStoredAsTheirEvents() throws Exception {
        registerGlassProject("glass-texts");
        String project = "/api/projects/glass-texts";
        expectStatus(api.put("sanyo-onoda", project + "/costs/2021", "{\"totalCost\": 40404000}"), 200);
        expectStatus(api.put("sanyo-onoda", project + "/activities/2021",
                "{\"activities\": \"【作家の育成】 ○工房を運営した。\"}"), 200);
        Response again = api.put("sanyo-onoda", project + "/activities/2021", "{\"activities\": \"【作家の育成】\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("reason-required");
        expectStatus(api.post("sanyo-onoda", project + "/evaluations/2021", """
                {"effect": "EFFECTIVE", "policy": "CONTINUE", "rationale": "販路が広がった",
                 "policyRationale": "ブランドの定着を図るため"}"""), 200);
        Response unexplained = api.put("sanyo-onoda", project + "/details",
                "{\"name\": \"小野田ガラスブランド化推進事業\", \"participants\": []}");
        assertThat(unexplained.status()).isEqualTo(409);
        assertThat(unexplained.json().get("code").asText()).isEqualTo("reason-required");
        Response withParticipants = api.put("sanyo-onoda", project + "/details",
                "{\"name\": \"小野田ガラスブランド化推進事業\", \"participants\": [\"35202\"], \"reason\": \"訂正\"}");
        assertThat(withParticipants.status()).isEqualTo(400);
        assertThat(withParticipants.json().get("code").asText()).isEqualTo("participants-do-not-match-scope");
        expectStatus(api.put("sanyo-onoda", project + "/details", """
                {"name": "小野田ガラスブランド化推進事業", "summary": "ガラス作家の作品をブランド化する。",
                 "department": "商工労働課", "participants": [], "reason": "公表資料の名称に合わせる"}"""), 200);
        expectStatus(api.put("sanyo-onoda", project + "/kpis/glass-sales/name",
                "{\"name\": \"ガラス商品の販売額\", \"reason\": \"表記の統一\"}"), 200);
        Response unknownKpi = api.put("sanyo-onoda", project + "/kpis/visitors/name",
                "{\"name\": \"来館者数\", \"reason\": \"表記の統一\"}");
        assertThat(unknownKpi.status()).isEqualTo(404);
        assertThat(unknownKpi.json().get("code").asText()).isEqualTo("unknown-kpi");
        Response otherMember = api.put("ube", project + "/kpis/glass-sales/name",
                "{\"name\": \"販売額\", \"reason\": \"表記の統一\"}");
        assertThat(otherMember.status()).isEqualTo(403);

        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT payload_type, payload_revision, convert_from(payload, 'UTF8') AS payload
                FROM domain_event_entry WHERE aggregate_identifier = 'glass-texts' AND sequence_number >= 2
                ORDER BY sequence_number""");
        assertThat(rows).extracting(row -> row.get("payload_type").toString().replaceAll(".*\\.", ""))
                .containsExactly("ProjectCostRecorded", "ProjectActivitiesRecorded", "EvaluationSubmitted",
                        "ProjectDetailsCorrected", "KpiRenamed");
        assertThat(rows).extracting(row -> row.get("payload_revision"))
                .containsExactly("2", null, "2", null, null);
        assertThat(JSON.readTree(rows.get(0).get("payload").toString()).get("grantAmount").isNull()).isTrue();
        assertThat(JSON.readTree(rows.get(2).get("payload").toString()).get("policyRationale").asText())
                .isEqualTo("ブランドの定着を図るため");
    }

    @Test
    void anEventStoredBeforeItsRevision_stillReads() {
        registerGlassProject("glass-old-cost");
        // 交付実績 was required before revision 2: a cost as stored then, without a payload revision
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES ('old-cost-1', 'glass-old-cost', 2, 'Project', '2024-06-01T00:00:00.000Z',
                    'jp.yumekairo.events.project.ProjectCostRecorded', NULL, convert_to(?, 'UTF8'), convert_to('{}', 'UTF8'))""",
                "{\"projectId\": \"glass-old-cost\", \"fiscalYear\": 2021, \"totalCost\": 40404482, "
                        + "\"grantAmount\": 20202241, \"reason\": \"\"}");
        long before = eventCount();

        Response same = expectStatus(api.put("sanyo-onoda", "/api/projects/glass-old-cost/costs/2021",
                "{\"totalCost\": 40404482, \"grantAmount\": 20202241}"), 200);

        assertThat(same.header("ETag")).isEqualTo("\"3\"");
        assertThat(eventCount()).isEqualTo(before);
        // and the event store reads it through the project upcasters, as the current revision
        var stored = new org.axonframework.eventhandling.GenericDomainEventEntry<>("Project", "glass-old-cost", 2,
                "old-cost-1", java.time.Instant.parse("2024-06-01T00:00:00Z"),
                "jp.yumekairo.events.project.EvaluationSubmitted", null,
                ("{\"projectId\": \"glass-old-cost\", \"fiscalYear\": 2021, \"effect\": \"EFFECTIVE\", "
                        + "\"policy\": \"CONTINUE\", \"rationale\": \"r\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var read = axon.upcasterChain().upcast(java.util.stream.Stream.of(
                new org.axonframework.serialization.upcasting.event.InitialEventRepresentation(stored, serializer)))
                .toList();
        assertThat(read).singleElement().satisfies(event -> assertThat(event.getType().getRevision()).isEqualTo("2"));
        Object payload = serializer.deserialize(read.get(0).getData());
        assertThat(((jp.yumekairo.events.project.EvaluationSubmitted) payload).policyRationale()).isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.axonframework.config.Configuration axon;

    @org.springframework.beans.factory.annotation.Autowired
    private org.axonframework.serialization.Serializer serializer;
}
