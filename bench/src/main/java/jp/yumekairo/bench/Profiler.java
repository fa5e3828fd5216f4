package jp.yumekairo.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * With BENCH_PROFILE=1: a Java Flight Recorder recording of each service per phase (jcmd JFR.start / JFR.stop,
 * "profile" settings), then the hot frames of each recording from the JDK's {@code jfr print}: the methods on top
 * of the sampled stacks, the first frame of our own code under them, and the busiest threads.
 */
final class Profiler {

    private static final int TOP = 12;
    /** The phases a target applies to; recording the others would only add work to the summary. */
    private static final java.util.Set<String> PHASES = java.util.Set.of("catch_up", "rebuild", "write_1", "write_16",
            "read_your_writes", "dashboard", "member_projects", "trivial", "as_of", "openloop_dashboard",
            "openloop_member");
    /**
     * What a request may have waited on rather than computed, counted per recording: the "profile" settings record
     * each socket read or write, monitor wait and park of 10 ms or more, and every GC pause.
     */
    private static final List<String> STALLS = List.of("jdk.GCPhasePause", "jdk.SocketRead", "jdk.SocketWrite",
            "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.ThreadPark", "jdk.SafepointBegin");
    private static final int STACK_DEPTH = 64;

    private final Path directory;
    private final Map<String, Long> services = new LinkedHashMap<>();
    private final List<Path> recordings = new ArrayList<>();

    Profiler(Path directory, long commandPid, long queryPid) {
        this.directory = directory;
        services.put("command", commandPid);
        services.put("query", queryPid);
    }

    boolean enabled() {
        return directory != null;
    }

    void start(String phase) {
        if (!enabled() || !PHASES.contains(phase)) {
            return;
        }
        services.forEach((service, pid) -> jcmd(pid, "JFR.start", "name=" + phase, "settings=profile"));
    }

    void stop(String phase) {
        if (!enabled() || !PHASES.contains(phase)) {
            return;
        }
        services.forEach((service, pid) -> {
            Path file = directory.resolve(service + "-" + phase + ".jfr");
            jcmd(pid, "JFR.stop", "name=" + phase, "filename=" + file);
            recordings.add(file);
        });
    }

    /** The hot frames of every recording, per phase and service. */
    Map<String, Object> summarize() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Path recording : recordings) {
            if (!Files.isRegularFile(recording)) {
                continue;
            }
            String name = recording.getFileName().toString().replace(".jfr", "");
            out.put(name, hotFrames(recording));
        }
        return out;
    }

    private static Map<String, Object> hotFrames(Path recording) {
        Map<String, Integer> leaves = new HashMap<>();
        Map<String, Integer> ownFrames = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        List<String> command = List.of("jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth",
                String.valueOf(STACK_DEPTH), recording.toString());
        try {
            Process jfr = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(jfr.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                List<String> stack = new ArrayList<>();
                boolean inStack = false;
                String thread = "?";
                while ((line = lines.readLine()) != null) {
                    String text = line.trim();
                    if (text.startsWith("sampledThread = ")) {
                        int quote = text.indexOf('"');
                        int end = text.indexOf('"', quote + 1);
                        // pool threads differ only by their number: count them as one
                        thread = quote < 0 || end < 0 ? text : text.substring(quote + 1, end).replaceAll("[0-9]+", "N");
                    } else if (text.startsWith("stackTrace = [")) {
                        inStack = true;
                        stack.clear();
                    } else if (inStack && text.equals("]")) {
                        inStack = false;
                        samples++;
                        threads.merge(thread, 1, Integer::sum);
                        if (!stack.isEmpty()) {
                            leaves.merge(stack.get(0), 1, Integer::sum);
                            stack.stream().filter(frame -> frame.startsWith("jp.yumekairo.")).findFirst()
                                    .ifPresent(frame -> ownFrames.merge(frame, 1, Integer::sum));
                            // time spent under a frame of ours or of Axon (within the recorded depth), once per sample
                            stack.stream().filter(frame -> frame.startsWith("jp.yumekairo.")
                                            || frame.startsWith("org.axonframework.")).distinct()
                                    .forEach(frame -> inclusive.merge(frame, 1, Integer::sum));
                        }
                    } else if (inStack && !text.equals("...")) {
                        int at = text.indexOf(" line:");
                        stack.add(at < 0 ? text : text.substring(0, at));
                    }
                }
            }
            jfr.waitFor(2, TimeUnit.MINUTES);
        } catch (IOException e) {
            return Map.of("error", "jfr print failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of("error", "interrupted");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("samples", samples);
        out.put("top_frames", top(leaves, samples));
        out.put("top_own_frames", top(ownFrames, samples));
        out.put("top_threads", top(threads, samples));
        out.put("top_inclusive_own_and_axon", top(inclusive, samples));
        out.put("stalls", stalls(recording));
        return out;
    }

    /** How many of each {@link #STALLS} event the recording holds, from {@code jfr summary}. */
    private static Map<String, Integer> stalls(Path recording) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try {
            Process jfr = new ProcessBuilder("jfr", "summary", recording.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(jfr.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    String[] columns = line.trim().split("\\s+");
                    if (columns.length >= 2 && STALLS.contains(columns[0])) {
                        counts.put(columns[0], Integer.parseInt(columns[1]));
                    }
                }
            }
            jfr.waitFor(1, TimeUnit.MINUTES);
        } catch (IOException | NumberFormatException e) {
            counts.put("error", -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return counts;
    }

    private static List<String> top(Map<String, Integer> counts, int samples) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(TOP).map(entry -> String.format("%5.1f%% %s", 100.0 * entry.getValue() / Math.max(1, samples),
                        entry.getKey())).toList();
    }

    private static void jcmd(long pid, String... arguments) {
        List<String> command = new ArrayList<>(List.of("jcmd", String.valueOf(pid)));
        command.addAll(List.of(arguments));
        try {
            Process jcmd = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                System.err.println("bench: " + String.join(" ", command) + " did not succeed");
            }
        } catch (IOException e) {
            System.err.println("bench: " + String.join(" ", command) + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
