package jp.yumekairo.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a hostile or careless caller costs the service (issue 14): how long a reviewer's {@code 1e10000000} KPI
 * baseline takes to be refused (403, before the body is read) and an editor's (400, its magnitude read from the
 * text, never expanded); how long a reviewer's 20,000-row CSV takes to be refused (403, unread); and the writes'
 * latency while 100 sign-ins (each a BCrypt hash) run at once.
 */
final class EdgeUnderAttack {

    static final String REVIEWER = "reviewer-academia";
    private static final int SIGN_INS = 100;

    private final Http http;

    EdgeUnderAttack(Http http) {
        this.http = http;
    }

    Map<String, Object> run(List<String> projects, Writes writes, Duration warmUp, Duration measure) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        String kpis = "/api/projects/" + projects.get(0) + "/kpis";
        String huge = "{\"kpiId\": \"huge\", \"name\": \"巨大な基準値\", \"unit\": \"人\", \"direction\": "
                + "\"HIGHER_IS_BETTER\", \"measure\": \"ABSOLUTE\", \"baseline\": {\"value\": 1e10000000, \"fiscalYear\": 2021}}";
        http.token(REVIEWER);
        http.token(Writes.EDITOR);
        out.put("huge_baseline_reviewer", timed(() -> http.commandText(REVIEWER, "POST", kpis, huge).status()));
        out.put("huge_baseline_editor", timed(() -> http.commandText(Writes.EDITOR, "POST", kpis, huge).status()));
        StringBuilder csv = new StringBuilder("事業ID,KPI ID,年度,目標値\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(projects.get(0)).append(",visitors,2022,1e10000000\n");
        }
        byte[] sheet = csv.toString().getBytes(StandardCharsets.UTF_8);
        out.put("csv_20000_rows_reviewer", timed(() -> http.upload(REVIEWER, "/api/imports/kpi-figures?dryRun=true",
                sheet, "text/csv").status()));

        // 100 sign-ins at once, again and again, while one client writes: what the writes feel
        AtomicBoolean signingIn = new AtomicBoolean(true);
        Map<Integer, AtomicLong> signInStatuses = new ConcurrentHashMap<>();
        ExecutorService crowd = Executors.newFixedThreadPool(SIGN_INS);
        for (int i = 0; i < SIGN_INS; i++) {
            crowd.submit(() -> {
                while (signingIn.get()) {
                    signInStatuses.computeIfAbsent(http.signInStatus(REVIEWER), s -> new AtomicLong()).incrementAndGet();
                }
            });
        }
        Load.Outcome written;
        try {
            written = writes.run(projects.subList(0, 4), 4, warmUp, measure);
        } finally {
            signingIn.set(false);
            crowd.shutdown();
            crowd.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
        }
        out.put("writes_during_sign_ins", written.describe());
        Map<String, Long> statuses = new LinkedHashMap<>();
        signInStatuses.forEach((status, count) -> statuses.put(String.valueOf(status), count.get()));
        out.put("sign_in_statuses", statuses);
        return out;
    }

    private interface Call {
        int status() throws Exception;
    }

    private static Map<String, Object> timed(Call call) throws Exception {
        long began = System.nanoTime();
        int status = call.status();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status);
        out.put("ms", Results.round((System.nanoTime() - began) / 1e6, 1));
        return out;
    }
}
