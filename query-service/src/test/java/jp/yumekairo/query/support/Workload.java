package jp.yumekairo.query.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static jp.yumekairo.query.support.Api.object;

/**
 * Many members' editors writing at once: every member's editor records actuals of its own projects, each
 * write a correction with a reason, from many threads. Remembers, per KPI and year, the value of the write
 * with the highest version, which is what the views must end up showing.
 */
public final class Workload {

    /** The value the views must show for one KPI of one project in FY2024. */
    public record Expected(String projectId, String kpiId, BigDecimal value, long version) {
    }

    public static final List<String> MEMBERS = List.of("35203", "35202", "35204", "35206", "35213", "35216", "32501");
    public static final List<String> KPIS = List.of("visitors", "jobs");

    private final Api api;
    private final int projectsPerMember;
    private final Map<String, Expected> expected = new ConcurrentHashMap<>();
    private final AtomicLong retries = new AtomicLong();
    private final String note;

    public Workload(Api api, int projectsPerMember) {
        this(api, projectsPerMember, "");
    }

    /** With a {@code note} on every actual, to make the log as large as a test needs. */
    public Workload(Api api, int projectsPerMember, String note) {
        this.api = api;
        this.projectsPerMember = projectsPerMember;
        this.note = note;
    }

    /** Registers each member's projects with two KPIs and their FY2024 targets. */
    public void setUp() {
        for (String member : MEMBERS) {
            String editor = Seeds.EDITORS.get(member);
            for (int p = 0; p < projectsPerMember; p++) {
                String projectId = projectId(member, p);
                api.write(editor, "POST", "/api/projects", object("projectId", projectId, "leadMunicipality", member,
                        "participants", new String[0], "name", "負荷試験 " + projectId, "summary", "", "scope", "SINGLE",
                        "grantProgram", "SECOND_GENERATION", "department", "企画課", "firstFiscalYear", 2024,
                        "lastFiscalYear", 2026));
                for (String kpi : KPIS) {
                    api.write(editor, "POST", "/api/projects/" + projectId + "/kpis", object("kpiId", kpi,
                            "name", kpi, "unit", "人", "direction", "HIGHER_IS_BETTER", "measure", "ABSOLUTE",
                            "baseline", object("value", 100, "fiscalYear", 2023)));
                    api.write(editor, "PUT", "/api/projects/" + projectId + "/kpis/" + kpi + "/targets/2024",
                            object("value", 1000, "reason", ""));
                }
            }
        }
    }

    /** Sends {@code commands} actual corrections from {@code threads} threads at once; returns when all are stored. */
    public void run(int commands, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < commands; i++) {
                int n = i;
                sent.add(pool.submit(() -> record(n)));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void record(int n) {
        String member = MEMBERS.get(n % MEMBERS.size());
        String projectId = projectId(member, (n / MEMBERS.size()) % projectsPerMember);
        String kpi = KPIS.get((n / (MEMBERS.size() * projectsPerMember)) % KPIS.size());
        BigDecimal value = BigDecimal.valueOf(n + 1);
        Object body = object("value", value, "status", "PROVISIONAL", "source", "負荷試験", "note", note,
                "reason", "集計の更新 #" + n);
        for (int attempt = 0; ; attempt++) {
            Api.Response response = api.command(Seeds.EDITORS.get(member), "PUT",
                    "/api/projects/" + projectId + "/kpis/" + kpi + "/actuals/2024", body);
            if (response.status() == 200) {
                long version = response.version();
                expected.merge(projectId + "/" + kpi, new Expected(projectId, kpi, value, version),
                        (a, b) -> a.version() >= b.version() ? a : b);
                return;
            }
            if (response.status() != 409 || attempt > 20) {
                throw new AssertionError("write #" + n + " answered " + response.status() + ": " + response.body());
            }
            retries.incrementAndGet(); // another thread wrote the same project at the same moment
        }
    }

    public List<Expected> expected() {
        return List.copyOf(expected.values());
    }

    public long retries() {
        return retries.get();
    }

    public static String projectId(String member, int p) {
        return "load-" + member + "-" + p;
    }
}
