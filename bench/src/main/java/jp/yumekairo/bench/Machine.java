package jp.yumekairo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the figures were measured on: CPU, cores, memory, PostgreSQL and its durability settings, Java, commit. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe(Database database, String gitCommit) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cpu_model", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        out.put("cores", Runtime.getRuntime().availableProcessors());
        String memTotal = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        if (memTotal != null) {
            long kib = Long.parseLong(memTotal.replaceAll("[^0-9]", ""));
            out.put("ram_gib", Results.round(kib / 1024.0 / 1024.0, 1));
        }
        out.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        out.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        out.put("postgresql", database.text("SELECT version()"));
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String setting : List.of("shared_buffers", "synchronous_commit", "fsync", "wal_sync_method",
                "commit_delay", "max_connections")) {
            settings.put(setting, database.text("SELECT current_setting('" + setting + "')"));
        }
        out.put("postgresql_settings", settings);
        out.put("git_commit", gitCommit);
        out.put("load_average_at_start", loadAverage());
        return out;
    }

    /** The 1-minute load average: how busy the machine was, us included. */
    static Object loadAverage() {
        try {
            return new java.math.BigDecimal(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException unavailable) {
            return null;
        }
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException unavailable) {
            return null;
        }
        return null;
    }
}
