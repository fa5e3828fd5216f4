package jp.yumekairo.command.auth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many failed sign-ins each user name and each address has left (Bucket4j, in this instance's memory): every
 * attempt takes one from both before the password is checked, and an attempt that did not fail gives its own back,
 * so parallel guesses cannot overtake the count and a success never restores anybody else's. A bucket holds ten
 * (configurable) and fills steadily over five minutes: ten failures in a row empty it, and from then on one more
 * attempt is allowed every thirty seconds; a burst of ten comes back only after five quiet minutes.
 */
@Component
class SignInLimits {

    /** Buckets are dropped once this many are kept and they are full again (a full bucket is the same as none). */
    private static final int KEPT = 50_000;

    /** One attempt's share, to hand back when it did not fail. */
    record Attempt(Bucket name, Bucket address) {
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final long capacity;
    private final Duration window;

    SignInLimits(SecurityProperties properties) {
        this.capacity = properties.signInFailures();
        this.window = properties.signInWindow();
    }

    /**
     * Takes one attempt from the name's and the address's buckets (either may be null: not known); when either is
     * empty nothing is taken and the answer is how long until the next attempt may be made.
     */
    Either attempt(String name, String address) {
        forgetFullBuckets();
        Bucket byName = name == null ? null : buckets.computeIfAbsent("name:" + name, key -> newBucket());
        Bucket byAddress = address == null ? null : buckets.computeIfAbsent("address:" + address, key -> newBucket());
        Duration wait = Duration.ZERO;
        boolean nameTaken = false;
        if (byName != null) {
            ConsumptionProbe probe = byName.tryConsumeAndReturnRemaining(1);
            nameTaken = probe.isConsumed();
            if (!nameTaken) {
                wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            }
        }
        if (byAddress != null) {
            ConsumptionProbe probe = byAddress.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                Duration addressWait = Duration.ofNanos(probe.getNanosToWaitForRefill());
                wait = addressWait.compareTo(wait) > 0 ? addressWait : wait;
            } else if (!wait.isZero()) {
                byAddress.addTokens(1);
            }
        }
        if (!wait.isZero()) {
            if (nameTaken) {
                byName.addTokens(1);
            }
            return new Either(null, wait);
        }
        return new Either(new Attempt(byName, byAddress), null);
    }

    /** An attempt that did not fail (a success, or one that could not be checked) counts for nothing. */
    void forgive(Attempt attempt) {
        Optional.ofNullable(attempt.name()).ifPresent(bucket -> bucket.addTokens(1));
        Optional.ofNullable(attempt.address()).ifPresent(bucket -> bucket.addTokens(1));
    }

    /** Forgets the user name's failures: after the secretariat reset the password or enabled the account again. */
    void forget(String username) {
        buckets.remove("name:" + username);
    }

    /** An attempt that was taken ({@code attempt}) or refused for {@code retryAfter}. */
    record Either(Attempt attempt, Duration retryAfter) {
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                .build();
    }

    private void forgetFullBuckets() {
        if (buckets.size() > KEPT) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= capacity);
        }
    }
}
