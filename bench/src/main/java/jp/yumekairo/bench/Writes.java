package jp.yumekairo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RecordActual over HTTP, as the lead member's editor correcting actuals, and read-your-writes. Each client owns
 * its projects (client i of c writes the projects j with j mod c = i), so no two clients ever write the same
 * aggregate and no write is refused as a concurrent modification; each call corrects the next (KPI, year) of
 * its next project with a value it has not written before.
 */
final class Writes {

    static final String EDITOR = ProjectTemplate.EDITORS.get("35203");

    private final Http http;

    Writes(Http http) {
        this.http = http;
    }

    Load.Outcome run(List<String> projects, int clients, Duration warmUp, Duration measure) {
        if (projects.size() % clients != 0) {
            throw new IllegalArgumentException(projects.size() + " projects do not split over " + clients + " clients");
        }
        int perClient = projects.size() / clients;
        return Load.run("write", clients, warmUp, measure, (client, n) -> {
            String project = projects.get(client + clients * (int) (n % perClient));
            return http.command(EDITOR, "PUT", actualPath(project, n / perClient), correction(client, n), null).status();
        });
    }

    /** The (KPI, year) of a project's {@code k}th correction: every KPI of a year, then the next year. */
    static String actualPath(String project, long k) {
        String kpi = ProjectTemplate.KPIS.get((int) (k % ProjectTemplate.KPIS.size()));
        long year = ProjectTemplate.FIRST_YEAR + (k / ProjectTemplate.KPIS.size())
                % (ProjectTemplate.LAST_YEAR - ProjectTemplate.FIRST_YEAR + 1);
        return "/api/projects/" + project + "/kpis/" + kpi + "/actuals/" + year;
    }

    private static Map<String, Object> correction(int client, long n) {
        return ProjectTemplate.object("value", BigDecimal.valueOf(1_000_000L + client * 10_000_000L + n),
                "status", "CONFIRMED", "source", "性能試験", "note", "", "reason", "性能試験による訂正");
    }

    /**
     * Read-your-writes lag: a correction, then at once the project from the query service with the version the
     * write answered as {@code minVersion}; the lag is from the write's 2xx response to the read's response
     * showing the written figure. Sequential, one writer.
     */
    Map<String, Object> readYourWrites(List<String> projects, int samples, String reader) {
        Histogram lag = new Histogram(Duration.ofMinutes(1).toNanos() / 1000, 3);
        Histogram plainRead = new Histogram(Duration.ofMinutes(1).toNanos() / 1000, 3);
        long wrong = 0;
        long notCaughtUp = 0;
        for (int i = 0; i < samples + 20; i++) {
            String project = projects.get(i % projects.size());
            long k = 1_000 + i / projects.size();
            BigDecimal value = BigDecimal.valueOf(7_000_000L + i);
            String path = actualPath(project, k);
            Http.Reply written = http.write(EDITOR, "PUT", path, ProjectTemplate.object("value", value,
                    "status", "CONFIRMED", "source", "性能試験", "note", "", "reason", "即時反映の確認"), null);
            long answered = System.nanoTime();
            Http.Reply view = http.read(reader, "/api/projects/" + project + "?minVersion=" + written.version());
            long shown = System.nanoTime();
            if (view.status() == 503) {
                notCaughtUp++;
                continue;
            }
            if (view.status() != 200 || view.version() < written.version() || !shows(view.body(), path, value)) {
                wrong++;
                continue;
            }
            if (i >= 20) { // the first ones warm up
                lag.recordValue((shown - answered) / 1000);
            }
        }
        for (int i = 0; i < Math.max(50, samples / 2); i++) {
            long before = System.nanoTime();
            Http.Reply view = http.read(reader, "/api/projects/" + projects.get(i % projects.size()));
            if (view.status() == 200) {
                plainRead.recordValue((System.nanoTime() - before) / 1000);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("samples", lag.getTotalCount());
        out.put("p50_ms", Results.round(lag.getValueAtPercentile(50) / 1000.0, 2));
        out.put("p90_ms", Results.round(lag.getValueAtPercentile(90) / 1000.0, 2));
        out.put("p99_ms", Results.round(lag.getValueAtPercentile(99) / 1000.0, 2));
        out.put("max_ms", Results.round(lag.getMaxValue() / 1000.0, 2));
        out.put("not_caught_up_503", notCaughtUp);
        out.put("wrong_or_missing_figure", wrong);
        out.put("plain_project_read_p50_ms", Results.round(plainRead.getValueAtPercentile(50) / 1000.0, 2));
        out.put("plain_project_read_p99_ms", Results.round(plainRead.getValueAtPercentile(99) / 1000.0, 2));
        return out;
    }

    /** Whether the project view shows {@code value} as the actual at {@code path}'s KPI and year. */
    private static boolean shows(JsonNode view, String path, BigDecimal value) {
        String[] parts = path.split("/");
        String kpiId = parts[5];
        int year = Integer.parseInt(parts[7]);
        for (JsonNode kpi : view.path("kpis")) {
            if (kpi.path("kpiId").asText().equals(kpiId)) {
                for (JsonNode fiscalYear : kpi.path("years")) {
                    if (fiscalYear.path("fiscalYear").asInt() == year) {
                        return fiscalYear.path("actual").decimalValue().compareTo(value) == 0;
                    }
                }
            }
        }
        return false;
    }

    static List<String> projectIds(String prefix, int from, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            ids.add(String.format("%s-%03d", prefix, i));
        }
        return ids;
    }
}
