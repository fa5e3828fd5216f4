package jp.yumekairo.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One grant project's five-year life written through the real API, as its member's editor would: registered
 * for R4–R8, four KPIs, a target and a provisional actual for every KPI and year, the R5 actuals corrected to
 * confirmed figures with a reason, the cost of every year and the evaluations of R4–R6. 57 events, the unit a
 * nationwide log is cloned from. Every request id contains the project id, so a clone gets request ids of its own.
 */
final class ProjectTemplate {

    static final List<String> KPIS = List.of("visitors", "jobs", "events", "migrants");
    static final int FIRST_YEAR = 2022;
    static final int LAST_YEAR = 2026;
    static final int EVENTS = 1 + 4 + 20 + 20 + 4 + 5 + 3;

    /** The demo editor of each member (password yumekairo). */
    static final Map<String, String> EDITORS = Map.of("35203", "yamaguchi", "35202", "ube", "35204", "hagi",
            "35206", "hofu", "35213", "mine", "35216", "sanyo-onoda", "32501", "tsuwano");

    private final Http http;
    private final String projectId;
    private final String member;
    private int request;

    ProjectTemplate(Http http, String projectId, String member) {
        this.http = http;
        this.projectId = projectId;
        this.member = member;
    }

    /** Writes the project; returns its version (the number of events). */
    long write() {
        String base = "/api/projects/" + projectId;
        send("POST", "/api/projects", object("projectId", projectId, "leadMunicipality", member,
                "participants", List.of(), "name", "性能試験の雛形事業 " + projectId, "summary", "全国規模の事業ログの雛形",
                "scope", "SINGLE", "grantProgram", "SECOND_GENERATION", "department", "企画政策課",
                "firstFiscalYear", FIRST_YEAR, "lastFiscalYear", LAST_YEAR));
        for (String kpi : KPIS) {
            send("POST", base + "/kpis", object("kpiId", kpi, "name", "指標 " + kpi, "unit", "人",
                    "direction", "HIGHER_IS_BETTER", "measure", "ABSOLUTE",
                    "baseline", object("value", 1000, "fiscalYear", 2021)));
        }
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            for (String kpi : KPIS) {
                send("PUT", base + "/kpis/" + kpi + "/targets/" + year, object("value", 1000 + 100 * (year - 2021),
                        "reason", ""));
            }
        }
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            for (String kpi : KPIS) {
                send("PUT", base + "/kpis/" + kpi + "/actuals/" + year, object("value", 1000 + 90 * (year - 2021),
                        "status", "PROVISIONAL", "source", "速報集計", "note", "", "reason", ""));
            }
        }
        for (String kpi : KPIS) {
            send("PUT", base + "/kpis/" + kpi + "/actuals/2023", object("value", 1185, "status", "CONFIRMED",
                    "source", "確定集計", "note", "", "reason", "速報値を確定値に更新"));
        }
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            send("PUT", base + "/costs/" + year, object("totalCost", 20_000_000L + year, "grantAmount", 10_000_000L,
                    "reason", ""));
        }
        long version = 0;
        for (int year = FIRST_YEAR; year <= 2024; year++) {
            version = send("POST", base + "/evaluations/" + year, object("effect", "CONSIDERABLY_EFFECTIVE",
                    "policy", "CONTINUE", "rationale", "概ね目標を達成した", "situation", "", "obstacles", "",
                    "revisions", ""));
        }
        if (version != EVENTS) {
            throw new IllegalStateException(projectId + " has " + version + " events, not " + EVENTS);
        }
        return version;
    }

    private long send(String method, String path, Object body) {
        return http.write(EDITORS.get(member), method, path, body, projectId + ".r" + (++request)).version();
    }

    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
