package jp.yumekairo.command.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.yumekairo.edge.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads {@code demo/*.json} (transcribed from the seed documents, see {@code demo/README.md}) through this
 * service's own HTTP API, signed in as each member's demo editor and the secretariat, so every figure has its
 * events, its author and its history, and every rule of the aggregates applies. 山陽小野田市's second edition
 * is applied over the first with a reason, so the history shows what changed between them.
 *
 * <p>Idempotent: a project or plan that exists already is not registered again, and figures that equal the
 * current ones store nothing. Runs with the demo profile when {@code yumekairo.demo.load-data} is true.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "yumekairo.demo.load-data", havingValue = "true")
public class DemoDataLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final String PASSWORD = "yumekairo";
    private static final String SECOND_EDITION = "令和4年度実績を加えた第2版の数値に更新";
    private static final Map<String, String> EDITORS = Map.of("35203", "yamaguchi", "35202", "ube", "35204", "hagi",
            "35206", "hofu", "35213", "mine", "35216", "sanyo-onoda", "32501", "tsuwano");

    private final Environment environment;
    private final RestClient.Builder clients;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> tokens = new HashMap<>();
    private RestClient api;

    DemoDataLoader(Environment environment, RestClient.Builder clients) {
        this.environment = environment;
        this.clients = clients;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void load() {
        api = clients.baseUrl("http://127.0.0.1:" + environment.getProperty("local.server.port", "8081")).build();
        plan(read("demo/plan.json"));
        sanyoOnoda(read("demo/sanyo-onoda-edition-1.json"), "", true);
        sanyoOnoda(read("demo/sanyo-onoda-edition-2.json"), SECOND_EDITION, false);
        mine(read("demo/mine-2024.json"));
        mine(read("demo/mine-2025.json"));
        reviewedReport();
        LOG.info("demo data loaded from the seed documents");
    }

    private void plan(JsonNode plan) {
        String planId = plan.get("planId").asText();
        send("admin", "POST", "/api/plans", object("planId", planId, "name", plan.get("name"),
                "members", plan.get("members"), "firstFiscalYear", plan.get("firstFiscalYear"),
                "lastFiscalYear", plan.get("lastFiscalYear")));
        for (JsonNode kgi : plan.get("kgis")) {
            String kgiId = kgi.get("kgiId").asText();
            send("admin", "POST", "/api/plans/" + planId + "/kgis", object("kgiId", kgiId, "name", kgi.get("name"),
                    "unit", kgi.get("unit"), "direction", kgi.get("direction"), "aggregation", kgi.get("aggregation"),
                    "baseline", kgi.get("baseline")));
            for (JsonNode figure : kgi.get("figures")) {
                String member = figure.get("municipalityCode").asText();
                send(EDITORS.get(member), "PUT", "/api/plans/" + planId + "/kgis/" + kgiId + "/figures/" + member + "/"
                        + figure.get("year").asInt(), object("value", figure.get("value"), "status", "CONFIRMED",
                        "source", figure.get("source"), "reason", ""));
            }
            for (JsonNode figure : kgi.path("partnershipFigures")) {
                send("admin", "PUT", "/api/plans/" + planId + "/kgis/" + kgiId + "/figures/partnership/"
                        + figure.get("year").asInt(), object("value", figure.get("value"), "status", "CONFIRMED",
                        "source", figure.get("source"), "reason", ""));
            }
            for (JsonNode target : kgi.path("targets")) {
                send("admin", "PUT", "/api/plans/" + planId + "/kgis/" + kgiId + "/targets/" + target.get("year").asInt(),
                        object("value", target.get("value"), "reason", ""));
            }
        }
    }

    private void sanyoOnoda(JsonNode edition, String reason, boolean register) {
        String source = edition.get("source").asText();
        for (JsonNode project : edition.get("projects")) {
            String projectId = project.get("projectId").asText();
            if (register && registerProject("35216", project, "SINGLE") == 409) {
                continue;
            }
            for (JsonNode kpi : project.get("kpis")) {
                String path = "/api/projects/" + projectId + "/kpis/" + kpi.get("kpiId").asText();
                if (register) {
                    defineKpi("sanyo-onoda", projectId, kpi);
                }
                for (JsonNode year : kpi.get("years")) {
                    int fiscalYear = year.get("fiscalYear").asInt();
                    if (!year.path("target").isNull() && !year.path("target").isMissingNode()) {
                        send("sanyo-onoda", "PUT", path + "/targets/" + fiscalYear,
                                object("value", year.get("target"), "reason", reason));
                    }
                    if (!year.path("actualStatus").isNull() && !year.path("actualStatus").isMissingNode()) {
                        send("sanyo-onoda", "PUT", path + "/actuals/" + fiscalYear, object("value", year.get("actual"),
                                "status", year.get("actualStatus"), "source", source, "note", year.path("note").asText(""),
                                "reason", reason));
                    }
                }
            }
        }
    }

    private void mine(JsonNode report) {
        String source = report.get("source").asText();
        int fiscalYear = report.get("fiscalYear").asInt();
        for (JsonNode project : report.get("projects")) {
            String projectId = project.get("projectId").asText();
            if (registerProject("35213", project, project.get("scope").asText()) == 409) {
                continue;
            }
            for (JsonNode kpi : project.get("kpis")) {
                defineKpi("mine", projectId, kpi);
                String path = "/api/projects/" + projectId + "/kpis/" + kpi.get("kpiId").asText();
                if (!kpi.path("target").isNull()) {
                    send("mine", "PUT", path + "/targets/" + fiscalYear, object("value", kpi.get("target"), "reason", ""));
                }
                String status = kpi.path("actualStatus").isNull() || kpi.path("actualStatus").isMissingNode()
                        ? (kpi.path("actual").isNull() ? null : "CONFIRMED") : kpi.get("actualStatus").asText();
                if (status != null) {
                    send("mine", "PUT", path + "/actuals/" + fiscalYear, object("value", kpi.get("actual"),
                            "status", status, "source", source, "note", kpi.path("note").asText(""), "reason", ""));
                }
            }
            if (!project.path("activities").asText("").isEmpty()) {
                send("mine", "PUT", "/api/projects/" + projectId + "/activities/" + fiscalYear, object(
                        "activities", project.get("activities"), "reason", ""));
            }
            if (project.hasNonNull("totalCost")) {
                // 令和7年度's table gives 総事業費 before any grant was paid: its 交付実績 is unknown (null), not 0.
                send("mine", "PUT", "/api/projects/" + projectId + "/costs/" + fiscalYear, object("totalCost",
                        project.get("totalCost"), "grantAmount", project.path("grantAmount").isMissingNode()
                                ? json.nullNode() : project.get("grantAmount"), "reason", ""));
            }
            if (!project.path("effect").isNull() && !project.path("policy").isNull()) {
                send("mine", "POST", "/api/projects/" + projectId + "/evaluations/" + fiscalYear, object(
                        "effect", project.get("effect"), "policy", project.get("policy"),
                        "rationale", project.path("rationale").asText(""),
                        "policyRationale", project.path("policyReason").asText(""),
                        "situation", project.path("situation").asText(""),
                        "obstacles", project.path("obstacles").asText(""), "revisions", project.path("revisions").asText("")));
            }
        }
    }

    /** Registers the project; 409 when it exists already (loaded before). */
    private int registerProject(String lead, JsonNode project, String scope) {
        boolean wideArea = "WIDE_AREA".equals(scope);
        ObjectNode body = object("projectId", project.get("projectId"), "leadMunicipality", lead,
                "participants", wideArea ? json.valueToTree(EDITORS.keySet().stream().filter(m -> !m.equals(lead))
                        .sorted().toList()) : json.createArrayNode(),
                "name", project.get("name"), "summary", "", "scope", scope,
                "grantProgram", project.path("grantProgram").isNull() ? "REGIONAL_REVITALIZATION_PROMOTION"
                        : project.get("grantProgram").asText(),
                "department", project.path("department").asText(""),
                "firstFiscalYear", project.get("firstFiscalYear"), "lastFiscalYear", project.get("lastFiscalYear"));
        return send(EDITORS.get(lead), "POST", "/api/projects", body);
    }

    private void defineKpi(String editor, String projectId, JsonNode kpi) {
        JsonNode baseline = kpi.path("baseline");
        ObjectNode body = object("kpiId", kpi.get("kpiId"), "name", kpi.get("name"), "unit", kpi.get("unit"),
                "direction", kpi.path("direction").asText("HIGHER_IS_BETTER"),
                "measure", kpi.path("measure").asText("ABSOLUTE"));
        if (!baseline.isMissingNode() && !baseline.isNull() && !baseline.path("value").isNull()) {
            body.set("baseline", object("value", baseline.get("value"), "fiscalYear", baseline.get("fiscalYear")));
        }
        send(editor, "POST", "/api/projects/" + projectId + "/kpis", body);
    }

    private ObjectNode object(Object... keysAndValues) {
        ObjectNode node = json.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            node.set((String) keysAndValues[i], value instanceof JsonNode given ? given : json.valueToTree(value));
        }
        return node;
    }

    /**
     * 美祢市's 令和6年度 report through one round of review, so the report pages have a published version with a
     * comment and its answer. The comment is the demo's own, marked （デモ）: the documents contain no committee remarks.
     */
    private void reviewedReport() {
        String report = "/api/reports/35213/2024";
        int submitted = send("mine", "POST", report + "/submission", object(),
                "report-already-submitted", "reason-required");
        if (submitted == 409) {
            return;
        }
        send("reviewer-academia", "POST", report + "/comments", object("text",
                "（デモ）MICE誘致件数の目標値の設定根拠を示してください。", "projectId", "mine-yume-kairo-tourism",
                "kpiId", "mice-events"));
        send("mine", "POST", report + "/comments/c1/answer",
                object("text", "（デモ）令和3年度までの誘致実績をもとに設定しました。"));
        send("mine", "POST", report + "/publication", object("reason", "（デモ）委員会の確認を経て公表"));
    }

    private int send(String user, String method, String path, JsonNode body) {
        return send(user, method, path, body, "duplicate-", "evaluation-already-submitted");
    }

    /**
     * A write through the API; a 409 whose code starts with one of {@code existed} means it was done before. Any
     * other refusal stops the load.
     */
    private int send(String user, String method, String path, JsonNode body, String... existed) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        return api.method(HttpMethod.valueOf(method)).uri(path)
                .headers(headers -> headers.setBearerAuth(token(user)))
                .header(RequestIds.HEADER, "demo-data")
                .contentType(MediaType.APPLICATION_JSON)
                .body(text)
                .exchange((request, response) -> {
                    int status = response.getStatusCode().value();
                    String answer = StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8);
                    boolean done = status == 409 && Arrays.stream(existed)
                            .anyMatch(code -> answer.contains("\"code\":\"" + code));
                    if (status / 100 != 2 && !done) {
                        throw new IllegalStateException(method + " " + path + " was refused: " + answer);
                    }
                    return status;
                });
    }

    private String token(String user) {
        return tokens.computeIfAbsent(user, name -> {
            String signedIn = api.post().uri("/api/auth/token")
                    .headers(headers -> headers.setBasicAuth(name, PASSWORD, StandardCharsets.UTF_8))
                    .retrieve().body(String.class);
            try {
                return json.readTree(signedIn).get("token").asText();
            } catch (JsonProcessingException unreadable) {
                throw new IllegalStateException("the sign-in of " + name + " answered no token", unreadable);
            }
        });
    }

    private JsonNode read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("demo data " + resource + " cannot be read", e);
        }
    }
}
