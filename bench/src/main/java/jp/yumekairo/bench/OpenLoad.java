package jp.yumekairo.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load: calls at a fixed arrival rate, call {@code i} due at {@code t0 + i / rate} whatever the earlier
 * calls are doing, each sent without waiting for any answer. A call's latency runs from when it was due, not from
 * when it was sent, so a slow answer (or a late send) shows in the latencies instead of quietly lowering the
 * offered rate: no coordinated omission, as a closed loop ({@link Load}) has by design. Every call due in the
 * measured window counts, however late it answers.
 */
final class OpenLoad {

    /** Starts call {@code n} (0-based); its future completes with the HTTP status. */
    @FunctionalInterface
    interface Call {
        CompletableFuture<Integer> start(long n);
    }

    /** What a measured window gave, and the most calls that were waiting for their answer at once. */
    record Outcome(Load.Outcome load, int perSecond, int maxInFlight) {

        Map<String, Object> describe() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("arrival_rate_per_s", perSecond);
            out.put("max_in_flight", maxInFlight);
            out.putAll(load.describe());
            out.remove("clients");
            return out;
        }
    }

    private static final long HIGHEST_MICROS = Duration.ofMinutes(2).toNanos() / 1000;

    private OpenLoad() {
    }

    static Outcome run(String what, int perSecond, Duration warmUp, Duration measure, Call call) {
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long warmUpCalls = warmUp.toNanos() / interval;
        long allCalls = warmUpCalls + measure.toNanos() / interval;
        Histogram latency = new Histogram(HIGHEST_MICROS, 3);
        Map<Integer, Long> failedStatuses = new LinkedHashMap<>();
        long[] counted = new long[2]; // answered 2xx, failed; guarded by latency
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<CompletableFuture<?>> answers = new ArrayList<>();
        long t0 = System.nanoTime() + Duration.ofMillis(50).toNanos();
        for (long n = 0; n < allCalls; n++) {
            long due = t0 + n * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            CompletableFuture<Integer> answer;
            try {
                answer = call.start(n);
            } catch (RuntimeException failure) {
                answer = CompletableFuture.failedFuture(failure);
            }
            boolean measured = n >= warmUpCalls;
            answers.add(answer.whenComplete((status, failure) -> {
                long micros = (System.nanoTime() - due) / 1000;
                inFlight.decrementAndGet();
                if (failure != null) {
                    firstError.compareAndSet(null, failure.toString());
                }
                int code = failure == null ? status : 0; // 0: no answer (connection refused or reset)
                if (measured) {
                    synchronized (latency) {
                        if (code / 100 == 2) {
                            counted[0]++;
                            latency.recordValue(Math.min(HIGHEST_MICROS, micros));
                        } else {
                            counted[1]++;
                            failedStatuses.merge(code, 1L, Long::sum);
                        }
                    }
                }
            }));
        }
        try {
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).exceptionally(failure -> null)
                    .get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(what + ": answers still missing two minutes after the last call", e);
        }
        if (firstError.get() != null) {
            Bench.log("%s: calls without an answer, the first: %s", what, firstError.get());
        }
        synchronized (latency) {
            Load.Outcome load = new Load.Outcome(0, counted[0], counted[1], measure.toNanos() / 1e9, latency,
                    failedStatuses, allCalls);
            return new Outcome(load, perSecond, maxInFlight.get());
        }
    }
}
