package jp.yumekairo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where the CPU went during a phase, from /proc: each service's JVM, the PostgreSQL backends serving this
 * benchmark's database, this driver, and the rest of the machine (other work sharing it). On a 2-core machine
 * that split is the first thing to look at when a figure misses.
 */
final class Cpu {

    /** Clock ticks per second of /proc's counters (USER_HZ, 100 on Linux). */
    private static final double HZ = 100.0;

    private final Database database;
    private final long commandPid;
    private final long queryPid;
    private final long selfPid = ProcessHandle.current().pid();

    private long[] machineAt;
    private Map<Long, Long> backendsAt;
    /** Latest ticks seen per backend: a connection closed before the phase ends still counts (sampled every 250 ms). */
    private final Map<Long, Long> backendsSeen = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean sampling;
    private Thread sampler;
    private long commandAt;
    private long queryAt;
    private long selfAt;
    private long startedNanos;
    private Connection connection;

    Cpu(Database database, long commandPid, long queryPid) {
        this.database = database;
        this.commandPid = commandPid;
        this.queryPid = queryPid;
    }

    void start() {
        machineAt = machine();
        backendsAt = backends();
        backendsSeen.clear();
        backendsSeen.putAll(backendsAt);
        sampling = true;
        sampler = new Thread(() -> {
            while (sampling) {
                backends().forEach((pid, ticks) -> backendsSeen.merge(pid, ticks, Math::max));
                try {
                    Thread.sleep(250);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }, "cpu-sampler");
        sampler.setDaemon(true);
        sampler.start();
        commandAt = ticks(commandPid);
        queryAt = ticks(queryPid);
        selfAt = ticks(selfPid);
        startedNanos = System.nanoTime();
    }

    /** CPU seconds per party since {@link #start()}, and the machine's busy share. */
    Map<String, Object> stop() {
        double wall = (System.nanoTime() - startedNanos) / 1e9;
        long[] machine = machine();
        sampling = false;
        sampler.interrupt();
        backends().forEach((pid, ticks) -> backendsSeen.merge(pid, ticks, Math::max));
        long postgres = 0;
        for (Map.Entry<Long, Long> backend : backendsSeen.entrySet()) {
            postgres += backend.getValue() - backendsAt.getOrDefault(backend.getKey(), 0L);
        }
        double command = (ticks(commandPid) - commandAt) / HZ;
        double query = (ticks(queryPid) - queryAt) / HZ;
        double self = (ticks(selfPid) - selfAt) / HZ;
        double db = postgres / HZ;
        double busy = (machine[0] - machineAt[0]) / HZ;
        double total = (machine[1] - machineAt[1]) / HZ;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("wall_s", Results.round(wall, 2));
        out.put("command_service_cpu_s", Results.round(command, 2));
        out.put("query_service_cpu_s", Results.round(query, 2));
        out.put("postgres_backends_cpu_s", Results.round(db, 2));
        out.put("driver_cpu_s", Results.round(self, 2));
        out.put("others_cpu_s", Results.round(Math.max(0, busy - command - query - db - self), 2));
        out.put("machine_busy_pct", total == 0 ? null : Results.round(100.0 * busy / total, 1));
        out.put("load_average", Machine.loadAverage());
        return out;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name may contain spaces; fields after its closing parenthesis are fixed
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** Busy and total ticks of all CPUs. */
    private static long[] machine() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long value = Long.parseLong(fields[i]);
                total += value;
                if (i == 4 || i == 5) {
                    idle += value;
                }
            }
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException unavailable) {
            return new long[]{0, 0};
        }
    }

    private synchronized Map<Long, Long> backends() {
        Map<Long, Long> out = new HashMap<>();
        Set<Long> pids = new HashSet<>();
        try {
            // one connection kept for this: a new one per look would fork a backend four times a second
            if (connection == null || connection.isClosed()) {
                connection = database.connect();
            }
        } catch (SQLException unavailable) {
            return out;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                     + "AND pid <> pg_backend_pid()")) {
            while (rows.next()) {
                pids.add(rows.getLong(1));
            }
        } catch (SQLException unavailable) {
            return out;
        }
        for (long pid : pids) {
            long ticks = ticks(pid);
            if (ticks > 0) {
                out.put(pid, ticks);
            }
        }
        return out;
    }
}
