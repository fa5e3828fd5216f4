package jp.yumekairo.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load: {@code clients} threads each send their next call as soon as the previous one answered,
 * for a warm-up (not counted) and then a measured window. Latencies go to HdrHistogram in microseconds.
 * (Closed loop: when the service slows down, the clients send less, so p99 is the latency a client saw at the
 * throughput it got, not at a fixed offered rate.)
 */
final class Load {

    /** One call of client {@code client} (0-based), its {@code n}th; returns the HTTP status (or 200 for non-HTTP). */
    @FunctionalInterface
    interface Call {
        int call(int client, long n) throws Exception;
    }

    /** What a measured window gave. */
    record Outcome(int clients, long calls, long failures, double seconds, Histogram latency,
                   Map<Integer, Long> failedStatuses, long allCalls) {

        double perSecond() {
            return calls / seconds;
        }

        double percentileMillis(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
        }

        Map<String, Object> describe() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("clients", clients);
            out.put("calls", calls);
            out.put("failures", failures);
            if (!failedStatuses.isEmpty()) {
                out.put("failed_statuses", failedStatuses);
            }
            out.put("seconds", Results.round(seconds, 2));
            out.put("per_s", Results.round(perSecond(), 1));
            out.put("p50_ms", Results.round(percentileMillis(50), 2));
            out.put("p90_ms", Results.round(percentileMillis(90), 2));
            out.put("p99_ms", Results.round(percentileMillis(99), 2));
            out.put("max_ms", Results.round(latency.getMaxValue() / 1000.0, 2));
            return out;
        }
    }

    private static final long HIGHEST_MICROS = Duration.ofMinutes(2).toNanos() / 1000;

    private Load() {
    }

    static Outcome run(String what, int clients, Duration warmUp, Duration measure, Call call) {
        long start = System.nanoTime() + Duration.ofMillis(50).toNanos();
        long measureFrom = start + warmUp.toNanos();
        long measureUntil = measureFrom + measure.toNanos();
        Histogram[] histograms = new Histogram[clients];
        long[] calls = new long[clients];
        long[] failures = new long[clients];
        long[] sent = new long[clients];
        List<Map<Integer, Long>> statuses = new ArrayList<>();
        AtomicReference<Throwable> broken = new AtomicReference<>();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            histograms[c] = new Histogram(HIGHEST_MICROS, 3);
            Map<Integer, Long> failed = new LinkedHashMap<>();
            statuses.add(failed);
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < start) {
                        Thread.onSpinWait();
                    }
                    long n = 0;
                    while (true) {
                        long before = System.nanoTime();
                        if (before >= measureUntil || broken.get() != null) {
                            break;
                        }
                        int status;
                        try {
                            status = call.call(client, n++);
                        } catch (java.io.UncheckedIOException | java.sql.SQLException failure) {
                            status = 0; // no answer (connection refused or reset): a failure, not the end of the run
                            firstError.compareAndSet(null, failure.toString());
                        }
                        long after = System.nanoTime();
                        sent[client]++;
                        // a call counts in the window it finished in, if it also started in it
                        if (before >= measureFrom && after <= measureUntil) {
                            if (status / 100 == 2) {
                                calls[client]++;
                                histograms[client].recordValue(Math.min(HIGHEST_MICROS, (after - before) / 1000));
                            } else {
                                failures[client]++;
                                failed.merge(status, 1L, Long::sum);
                            }
                        }
                    }
                } catch (Throwable failure) {
                    broken.compareAndSet(null, failure);
                } finally {
                    done.countDown();
                }
            }, what + "-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (broken.get() != null) {
            throw new IllegalStateException(what + " failed: " + broken.get(), broken.get());
        }
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        long total = 0;
        long failed = 0;
        long allCalls = 0;
        Map<Integer, Long> failedStatuses = new LinkedHashMap<>();
        for (int c = 0; c < clients; c++) {
            all.add(histograms[c]);
            total += calls[c];
            failed += failures[c];
            allCalls += sent[c];
            statuses.get(c).forEach((status, count) -> failedStatuses.merge(status, count, Long::sum));
        }
        if (firstError.get() != null) {
            Bench.log("%s: calls without an answer, the first: %s", what, firstError.get());
        }
        return new Outcome(clients, total, failed, measure.toNanos() / 1e9, all, failedStatuses, allCalls);
    }
}
