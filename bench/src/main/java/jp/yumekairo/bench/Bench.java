package jp.yumekairo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark run of {@code bench/run}: against both services already started on a fresh database, measures
 * in one run the product's figures and the machine's own limits, writes {@code bench/results/<time>.json} and
 * prints one JSON line. Also creates and drops that database ({@code create-database}, {@code drop-database}).
 */
public final class Bench {

    static final String PLAN = "yume-kairo-2";
    /** The member whose views are measured: 山陽小野田市, with its demo projects and ten projects of the big log. */
    static final String MEMBER = "35216";
    static final String READER = "prefecture";
    static final String AUDITOR = "auditor";
    /** The members leading the nationwide log's projects (all but 美祢市, which keeps only its own). */
    static final List<String> CLONE_LEADS = List.of("35203", "35202", "35204", "35206", "32501");
    static final int MEMBER_PROJECTS_IN_LOG = 10;
    static final int[] WRITE_CLIENTS = {1, 4, 16};
    /** The unmeasured writes before the first level: 8 clients on 2 projects each. */
    static final int WRITE_WARM_UP_CLIENTS = 8;
    static final int WRITE_WARM_UP_PROJECTS = 16;
    static final int READ_CLIENTS = 32;
    /** The open-loop reads' arrival rate (issue 17): far below the closed-loop maxima, so a service keeping up. */
    static final int OPEN_LOOP_PER_S = 50;
    static final int CLONE_BATCH = 1000;

    private final Settings settings;
    private final Database database;
    private final Http http;
    private final Cpu cpu;
    private final Profiler profiler;
    private final long commandPid;
    private final Map<String, Object> phases = new LinkedHashMap<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private final Map<String, Object> summary = new LinkedHashMap<>();
    private long cloneStarted;
    private long clonedEvents;

    private Bench(Settings settings, Database database, Http http, Cpu cpu, Profiler profiler, long commandPid) {
        this.settings = settings;
        this.commandPid = commandPid;
        this.database = database;
        this.http = http;
        this.cpu = cpu;
        this.profiler = profiler;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Database database = new Database(options.getOrDefault("server", "jdbc:postgresql://127.0.0.1:5432/"),
                options.get("database"), options.getOrDefault("user", "postgres"), options.getOrDefault("password", ""));
        switch (args[0]) {
            case "create-database" -> database.create();
            case "drop-database" -> database.drop();
            case "run" -> {
                long commandPid = Long.parseLong(options.get("command-pid"));
                long queryPid = Long.parseLong(options.get("query-pid"));
                Path profileDirectory = options.containsKey("profile-dir") ? Path.of(options.get("profile-dir")) : null;
                Bench bench = new Bench(Settings.of(options.getOrDefault("mode", "quick")), database,
                        new Http(options.get("command-url"), options.get("query-url")),
                        new Cpu(database, commandPid, queryPid), new Profiler(profileDirectory, commandPid, queryPid), commandPid);
                bench.run(Path.of(options.get("results-dir")), options.getOrDefault("git-commit", "unknown"),
                        options.get("machine-busy"), options.getOrDefault("service-args", ""));
            }
            case "sql-per-write" -> {
                // the step alone, against a command service already running on this database: eight projects of
                // its own, each written once (so in the cache), then the step; prints what it measured
                Http http = new Http(options.get("command-url"), options.get("query-url"));
                List<String> projects = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String id = "sqlpw-" + Long.toString(System.nanoTime(), 36) + "-" + i;
                    new ProjectTemplate(http, id, "35203").write();
                    projects.add(id);
                }
                System.out.println(Http.JSON.writeValueAsString(new SqlPerWrite(database, http,
                        Long.parseLong(options.get("command-pid"))).run(projects)));
            }
            default -> throw new IllegalArgumentException("run, create-database, drop-database or sql-per-write, not "
                    + args[0]);
        }
    }

    private void run(Path resultsDirectory, String gitCommit, String machineBusy, String serviceArgs) throws Exception {
        Instant started = Instant.now();
        Map<String, Object> machine = Machine.describe(database, gitCommit);
        if (!serviceArgs.isBlank()) {
            machine.put("extra_service_arguments", serviceArgs);
        }
        log("mode %s on %s, %s cores", settings.mode(), machine.get("cpu_model"), machine.get("cores"));

        // 1. the nationwide log: templates through the API, clones in SQL, the live views caught up
        phase("templates", this::writeTemplates);
        List<Instant> cloneInstants = phase("clone", this::cloneNationwideLog);
        phase("catch_up", () -> {
            awaitViews();
            double seconds = (System.nanoTime() - cloneStarted) / 1e9;
            details.put("catch_up", Map.of("events", clonedEvents, "seconds_from_clone_start", Results.round(seconds, 1)));
            summary.put("catch_up_events_per_s", Results.round(clonedEvents / seconds, 0));
            return null;
        });

        // 2. rebuild against a plain sequential read of the same table
        phase("raw_scan", () -> {
            rawScan(); // the first pass brings the table into memory, as the catch-up did for the rebuild
            Map<String, Object> scan = rawScan();
            details.put("raw_scan", scan);
            summary.put("raw_scan_events_per_s", scan.get("events_per_s"));
            return null;
        });
        phase("rebuild", this::rebuild);
        summary.put("rebuild_ratio", ratio(summary.get("rebuild_events_per_s"), summary.get("raw_scan_events_per_s")));

        // 3. writes against raw inserts, client count by client count
        List<String> writeProjects = phase("write_setup", this::cloneWriteProjects);
        RawInserts raw = new RawInserts(database);
        details.put("raw_insert_row", raw.sampleRow().describe());
        Writes writes = new Writes(http);
        Map<String, Object> writeDetails = new LinkedHashMap<>();
        // the write path compiled by the JIT before any level is measured, on projects of its own (the last ones):
        // the first level measured is a single client's latency, which would otherwise time the compiler
        List<String> warmUpProjects = writeProjects.subList(writeProjects.size() - WRITE_WARM_UP_PROJECTS,
                writeProjects.size());
        phase("write_warm_up", () -> writes.run(warmUpProjects, WRITE_WARM_UP_CLIENTS, settings.writeWarmUp(),
                Duration.ofSeconds(1)));
        int from = 0;
        for (int clients : WRITE_CLIENTS) {
            Load.Outcome inserts = phase("raw_insert_" + clients, () -> raw.run(clients, settings.warmUp(),
                    settings.rawMeasure()));
            int projects = Math.max(8, 2 * clients);
            List<String> own = writeProjects.subList(from, from + projects);
            from += projects;
            Load.Outcome written = phase("write_" + clients, () -> writes.run(own, clients, settings.warmUp(),
                    settings.measure()));
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("projects", projects);
            level.put("projects_per_client", projects / clients);
            level.put("http", written.describe());
            level.put("raw_insert", inserts.describe());
            writeDetails.put(String.valueOf(clients), level);
            summary.put("write_rps_" + clients, Results.round(written.perSecond(), 1));
            summary.put("write_p50_ms_" + clients, Results.round(written.percentileMillis(50), 2));
            summary.put("write_p99_ms_" + clients, Results.round(written.percentileMillis(99), 2));
            summary.put("write_failures_" + clients, written.failures());
            summary.put("raw_insert_tps_" + clients, Results.round(inserts.perSecond(), 1));
            summary.put("raw_insert_p99_ms_" + clients, Results.round(inserts.percentileMillis(99), 2));
            summary.put("write_ratio_" + clients, ratio(written.perSecond(), inserts.perSecond()));
            Object perCall = ((Map<?, ?>) phases.get("write_" + clients)).get("cpu_ms_per_call");
            summary.put("command_cpu_ms_per_write_" + clients,
                    perCall instanceof Map<?, ?> parties ? parties.get("command_service") : null);
        }
        details.put("writes", writeDetails);

        // 3b. the SQL statements and round trips one RecordActual costs, on the first level's (cached) projects
        Map<String, Object> sql = phase("sql_per_write", () -> new SqlPerWrite(database, http, commandPid)
                .run(writeProjects.subList(0, 8)));
        details.put("sql_per_write", sql);
        summary.put("sql_statements_per_write", sql.get("sql_statements_per_write"));
        summary.put("sql_round_trips_per_write", sql.get("sql_round_trips_per_write"));

        // 4. read-your-writes on the first level's projects
        Map<String, Object> ryw = phase("read_your_writes", () -> writes.readYourWrites(writeProjects.subList(0, 8),
                settings.readYourWritesSamples(), READER));
        details.put("read_your_writes", ryw);
        summary.put("ryw_p50_ms", ryw.get("p50_ms"));
        summary.put("ryw_p99_ms", ryw.get("p99_ms"));

        // 4b. the edge under attack: absurd figures and files from a reviewer, writes during 100 parallel sign-ins
        Map<String, Object> edge = phase("edge_under_attack", () -> new EdgeUnderAttack(http).run(
                writeProjects.subList(0, 8), writes, settings.warmUp(), settings.measure()));
        details.put("edge_under_attack", edge);
        summary.put("huge_figure_reviewer_ms", ((Map<?, ?>) edge.get("huge_baseline_reviewer")).get("ms"));
        summary.put("huge_figure_reviewer_status", ((Map<?, ?>) edge.get("huge_baseline_reviewer")).get("status"));
        summary.put("huge_figure_editor_ms", ((Map<?, ?>) edge.get("huge_baseline_editor")).get("ms"));
        summary.put("huge_figure_editor_status", ((Map<?, ?>) edge.get("huge_baseline_editor")).get("status"));
        summary.put("csv_20000_reviewer_ms", ((Map<?, ?>) edge.get("csv_20000_rows_reviewer")).get("ms"));
        summary.put("csv_20000_reviewer_status", ((Map<?, ?>) edge.get("csv_20000_rows_reviewer")).get("status"));
        Map<?, ?> duringSignIns = (Map<?, ?>) edge.get("writes_during_sign_ins");
        summary.put("write_p50_ms_sign_ins", duringSignIns.get("p50_ms"));
        summary.put("write_p99_ms_sign_ins", duringSignIns.get("p99_ms"));

        // 5. reads at 32 clients against a trivial endpoint of the same service, then "as of"
        Load.Outcome dashboard = phase("dashboard", () -> reads(READ_CLIENTS, "/api/plans/" + PLAN + "/dashboard", READER));
        Load.Outcome member = phase("member_projects", () -> reads(READ_CLIENTS,
                "/api/municipalities/" + MEMBER + "/projects", READER));
        Load.Outcome trivial = phase("trivial", () -> reads(READ_CLIENTS, "/actuator/health/liveness", null));
        details.put("reads", Map.of("dashboard", dashboard.describe(), "member_projects", member.describe(),
                "trivial", trivial.describe(), "member_projects_shown",
                http.read(READER, "/api/municipalities/" + MEMBER + "/projects").body().path("projects").size()));
        summary.put("dashboard_rps", Results.round(dashboard.perSecond(), 1));
        summary.put("dashboard_p99_ms", Results.round(dashboard.percentileMillis(99), 2));
        summary.put("member_projects_rps", Results.round(member.perSecond(), 1));
        summary.put("member_projects_p99_ms", Results.round(member.percentileMillis(99), 2));
        summary.put("trivial_rps", Results.round(trivial.perSecond(), 1));
        summary.put("trivial_p99_ms", Results.round(trivial.percentileMillis(99), 2));
        summary.put("dashboard_ratio", ratio(dashboard.perSecond(), trivial.perSecond()));
        summary.put("member_projects_ratio", ratio(member.perSecond(), trivial.perSecond()));
        summary.put("write_trivial_ratio_16", ratio(summary.get("write_rps_16"), summary.get("trivial_rps")));
        phase("as_of", () -> asOf(cloneInstants));

        // 5b. the same two reads at a fixed arrival rate, latency from when each request was due
        OpenLoad.Outcome openDashboard = phase("openloop_dashboard", () -> openLoopReads(
                "/api/plans/" + PLAN + "/dashboard"));
        OpenLoad.Outcome openMember = phase("openloop_member", () -> openLoopReads(
                "/api/municipalities/" + MEMBER + "/projects"));
        details.put("open_loop", Map.of("dashboard", openDashboard.describe(), "member_projects", openMember.describe()));
        summary.put("openloop_dashboard_p50_ms", Results.round(openDashboard.load().percentileMillis(50), 2));
        summary.put("openloop_dashboard_p99_ms", Results.round(openDashboard.load().percentileMillis(99), 2));
        summary.put("openloop_member_p50_ms", Results.round(openMember.load().percentileMillis(50), 2));
        summary.put("openloop_member_p99_ms", Results.round(openMember.load().percentileMillis(99), 2));

        // 6. the record
        summary.put("log_events", database.count("SELECT count(*) FROM domain_event_entry"));
        boolean busy = machineBusy != null && !machineBusy.isBlank() ? Boolean.parseBoolean(machineBusy) : busyDuringRun();
        summary.put("machine_busy", busy);
        summary.put("profiled", profiler.enabled());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("mode", settings.mode());
        record.put("started_at", started.toString());
        record.put("finished_at", Instant.now().toString());
        record.put("machine_busy", busy);
        record.put("machine", machine);
        record.put("summary", withMode(summary));
        record.put("targets", Targets.check(summary));
        record.put("details", details);
        record.put("phases_cpu", phases);
        if (profiler.enabled()) {
            log("summarising the flight recordings with jfr print");
            Map<String, Object> profile = profiler.summarize();
            record.put("profile", profile);
            printProfile(profile);
        }
        Files.createDirectories(resultsDirectory);
        Path file = resultsDirectory.resolve(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC).format(started) + ".json");
        Files.writeString(file, Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(record) + "\n");
        log("results in %s", file);
        Targets.print(summary);
        System.out.println(Http.JSON.writeValueAsString(withMode(summary)));
    }

    private Map<String, Object> withMode(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", settings.mode());
        out.putAll(values);
        return out;
    }

    // --- the nationwide log ---

    private Void writeTemplates() throws Exception {
        List<String> leads = new ArrayList<>(CLONE_LEADS);
        leads.add(MEMBER);
        ExecutorService pool = Executors.newFixedThreadPool(leads.size());
        try {
            List<Future<Long>> written = new ArrayList<>();
            for (int t = 0; t < leads.size(); t++) {
                ProjectTemplate template = new ProjectTemplate(http, templateId(t), leads.get(t));
                written.add(pool.submit(template::write));
            }
            for (Future<Long> each : written) {
                each.get();
            }
        } finally {
            pool.shutdown();
        }
        return null;
    }

    private static String templateId(int t) {
        return "nwtmpl-" + t;
    }

    /**
     * 1,741 municipalities × N projects, led by five of the members in turn, plus ten projects of 山陽小野田市
     * spread evenly through the log; inserted in batches, each batch its own transaction. Returns instants
     * within the log, for "as of".
     */
    private List<Instant> cloneNationwideLog() throws Exception {
        List<Clones.Clone> all = new ArrayList<>();
        for (int m = 1; m < Settings.MUNICIPALITIES; m++) {
            for (int p = 0; p < settings.projectsPerMunicipality(); p++) {
                all.add(new Clones.Clone(String.format("nw-%04d-%02d", m, p), templateId((m - 1) % CLONE_LEADS.size())));
            }
        }
        for (int p = 0; p < MEMBER_PROJECTS_IN_LOG; p++) {
            int at = (int) ((long) all.size() * p / MEMBER_PROJECTS_IN_LOG) + p;
            all.add(Math.min(at, all.size()), new Clones.Clone(String.format("nw-0000-%02d", p), templateId(CLONE_LEADS.size())));
        }
        Clones clones = new Clones(database);
        List<Instant> instants = new ArrayList<>();
        long events = 0;
        long started = System.nanoTime();
        cloneStarted = started;
        for (int from = 0; from < all.size(); from += CLONE_BATCH) {
            instants.add(Instant.now());
            events += clones.insert(all.subList(from, Math.min(all.size(), from + CLONE_BATCH)));
        }
        instants.add(Instant.now());
        clonedEvents = events;
        double seconds = (System.nanoTime() - started) / 1e9;
        log("cloned %d projects, %d events, in %.1f s", all.size(), events, seconds);
        details.put("nationwide_log", Map.of("municipalities", Settings.MUNICIPALITIES,
                "projects_per_municipality", settings.projectsPerMunicipality(), "cloned_projects", all.size(),
                "events_per_project", ProjectTemplate.EVENTS, "cloned_events", events,
                "clone_insert_events_per_s", Results.round(events / seconds, 0),
                "templates_written_over_http", CLONE_LEADS.size() + 1));
        return instants;
    }

    /** The write benchmark's projects: clones of the first template, 8 + 8 + 32 of them. */
    private List<String> cloneWriteProjects() throws Exception {
        int count = WRITE_WARM_UP_PROJECTS;
        for (int clients : WRITE_CLIENTS) {
            count += Math.max(8, 2 * clients);
        }
        List<String> ids = Writes.projectIds("bw", 0, count);
        new Clones(database).insert(ids.stream().map(id -> new Clones.Clone(id, templateId(0))).toList());
        awaitViews();
        return ids;
    }

    /** Waits until the live views hold a row for every event of the log; returns the log's size. */
    private long awaitViews() throws Exception {
        long deadline = System.nanoTime() + settings.catchUpTimeout().toNanos();
        long events = database.count("SELECT count(*) FROM domain_event_entry");
        while (database.count("SELECT count(*) FROM query.event_origin") < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the live views did not catch up within " + settings.catchUpTimeout());
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
        return events;
    }

    // --- rebuild ---

    /** A plain sequential read of the whole event table: streamed, every column, in global order. */
    private Map<String, Object> rawScan() throws SQLException {
        long events = 0;
        long bytes = 0;
        long started = System.nanoTime();
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false); // the driver streams with a fetch size only inside a transaction
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                try (ResultSet row = statement.executeQuery("SELECT global_index, event_identifier, aggregate_identifier, "
                        + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data "
                        + "FROM domain_event_entry ORDER BY global_index")) {
                    while (row.next()) {
                        row.getLong(1);
                        bytes += row.getString(2).length() + row.getString(3).length();
                        row.getLong(4);
                        row.getString(5);
                        bytes += row.getString(6).length() + row.getString(7).length();
                        row.getString(8);
                        bytes += row.getBytes(9).length;
                        byte[] metaData = row.getBytes(10);
                        bytes += metaData == null ? 0 : metaData.length;
                        events++;
                    }
                }
            }
            connection.commit();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("events", events);
        out.put("seconds", Results.round(seconds, 2));
        out.put("events_per_s", Results.round(events / seconds, 0));
        out.put("mib", Results.round(bytes / 1048576.0, 1));
        return out;
    }

    /** The auditor's rebuild of every projection from the log, followed to its end. */
    private Void rebuild() throws Exception {
        Http.Reply started = http.queryPost(AUDITOR, "/api/audit/rebuild");
        long posted = System.nanoTime();
        if (started.status() != 202) {
            throw new IllegalStateException("POST /api/audit/rebuild answered " + started.status() + ": " + started.body());
        }
        long runId = started.body().get("runId").asLong();
        long total = started.body().get("totalEvents").asLong();
        Double replayedAfter = null;
        JsonNode run;
        long deadline = System.nanoTime() + settings.catchUpTimeout().toNanos();
        while (true) {
            run = http.read(AUDITOR, "/api/audit/rebuild/" + runId).body();
            if (replayedAfter == null && run.path("replayedEvents").asLong() >= total) {
                replayedAfter = (System.nanoTime() - posted) / 1e9;
            }
            if (!"RUNNING".equals(run.path("state").asText())) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rebuild did not finish within " + settings.catchUpTimeout());
            }
            // rarely: each look is a signed request the query service verifies on the cores the rebuild needs
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
        if (!"SUCCEEDED".equals(run.path("state").asText()) || !run.path("result").path("equal").asBoolean()) {
            throw new IllegalStateException("the rebuild did not succeed with equal views: " + run);
        }
        long replayed = run.path("result").path("replayedEvents").asLong();
        long millis = run.path("result").path("durationMillis").asLong();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run_id", runId);
        out.put("replayed_events", replayed);
        out.put("duration_ms_run_record", millis);
        out.put("replay_phase_s_polled", replayedAfter == null ? null : Results.round(replayedAfter, 2));
        out.put("views_equal", true);
        details.put("rebuild", out);
        summary.put("rebuild_events", replayed);
        summary.put("rebuild_events_per_s", Results.round(replayed / (millis / 1000.0), 0));
        summary.put("rebuild_replay_events_per_s", replayedAfter == null ? null : Results.round(replayed / replayedAfter, 0));
        return null;
    }

    // --- reads ---

    private Load.Outcome reads(int clients, String path, String user) {
        http.token(READER);
        return Load.run("read", clients, settings.warmUp(), settings.measure(), (client, n) -> http.readStatus(user, path));
    }

    private OpenLoad.Outcome openLoopReads(String path) {
        http.token(READER);
        return OpenLoad.run("open-loop", OPEN_LOOP_PER_S, settings.warmUp(), settings.openLoopMeasure(),
                n -> http.readStatusAsync(READER, path));
    }

    /**
     * The member's projects as they stood at instants spread over the big log's writing (each a different
     * state of its ten log projects), one client after another as an auditor reconstructs them.
     */
    private Load.Outcome asOf(List<Instant> instants) {
        Instant first = instants.get(0);
        Instant last = instants.get(instants.size() - 1);
        List<String> paths = new ArrayList<>();
        Map<Integer, Integer> shown = new HashMap<>();
        for (int i = 0; i < 64; i++) {
            Instant at = first.plusMillis((long) ((last.toEpochMilli() - first.toEpochMilli()) * (i + 0.5) / 64));
            paths.add("/api/municipalities/" + MEMBER + "/projects?asOf=" + at);
        }
        for (int i = 0; i < paths.size(); i += 16) {
            shown.put(i, http.read(READER, paths.get(i)).body().path("projects").size());
        }
        Load.Outcome outcome = Load.run("as-of", 1, settings.warmUp(), settings.measure(),
                (client, n) -> http.readStatus(READER, paths.get((int) (n % paths.size()))));
        Map<String, Object> out = new LinkedHashMap<>(outcome.describe());
        out.put("instants", paths.size());
        out.put("from", first.toString());
        out.put("to", last.toString());
        out.put("projects_shown_at_some_instants", shown);
        details.put("as_of", out);
        summary.put("asof_p50_ms", Results.round(outcome.percentileMillis(50), 2));
        summary.put("asof_p99_ms", Results.round(outcome.percentileMillis(99), 2));
        return outcome;
    }

    // --- phases ---

    private <T> T phase(String name, Callable<T> body) throws Exception {
        log("%s ...", name);
        cpu.start();
        profiler.start(name);
        T result = null;
        try {
            result = body.call();
            return result;
        } finally {
            profiler.stop(name);
            Map<String, Object> used = cpu.stop();
            Load.Outcome load = result instanceof OpenLoad.Outcome open ? open.load()
                    : result instanceof Load.Outcome closed ? closed : null;
            if (load != null && load.allCalls() > 0) {
                // CPU per call, warm-up included: a cost that other work on the machine slows down but hardly changes
                Map<String, Object> perCall = new LinkedHashMap<>();
                for (String party : List.of("command_service", "query_service", "postgres_backends", "driver")) {
                    Object seconds = used.get(party + "_cpu_s");
                    if (seconds instanceof Number number) {
                        perCall.put(party, Results.round(number.doubleValue() * 1000 / load.allCalls(), 3));
                    }
                }
                used.put("calls_including_warm_up", load.allCalls());
                used.put("cpu_ms_per_call", perCall);
            }
            phases.put(name, used);
            log("%s done: %s", name, used);
        }
    }

    /** Whether other work took more than 15 % of the machine during any phase. */
    private boolean busyDuringRun() {
        int cores = Runtime.getRuntime().availableProcessors();
        for (Object each : phases.values()) {
            Map<?, ?> phase = (Map<?, ?>) each;
            Object others = phase.get("others_cpu_s");
            Object wall = phase.get("wall_s");
            if (others instanceof Number o && wall instanceof Number w && w.doubleValue() > 0
                    && o.doubleValue() / (w.doubleValue() * cores) > 0.15) {
                return true;
            }
        }
        return false;
    }

    private static Object ratio(Object ours, Object limit) {
        if (ours instanceof Number a && limit instanceof Number b && b.doubleValue() > 0) {
            return Results.round(a.doubleValue() / b.doubleValue(), 3);
        }
        return null;
    }

    private static void printProfile(Map<String, Object> profile) {
        profile.forEach((recording, frames) -> {
            System.err.println("== hot frames: " + recording);
            if (frames instanceof Map<?, ?> map) {
                System.err.println("   samples: " + map.get("samples"));
                for (String key : List.of("top_frames", "top_own_frames", "top_inclusive_own_and_axon", "top_threads")) {
                    System.err.println("   " + key + ":");
                    if (map.get(key) instanceof List<?> lines) {
                        lines.forEach(line -> System.err.println("     " + line));
                    }
                }
            }
        });
    }

    private static final long BEGAN = System.nanoTime();

    static void log(String format, Object... arguments) {
        System.err.printf("bench: [%5.1f s] %s%n", (System.nanoTime() - BEGAN) / 1e9, String.format(format, arguments));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--") && args[i].contains("=")) {
                options.put(args[i].substring(2, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
            }
        }
        return options;
    }
}
