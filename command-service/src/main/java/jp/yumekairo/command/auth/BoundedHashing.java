package jp.yumekairo.command.auth;

import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Password hashing (BCrypt) on a few slots, one fewer than the cores (at least one): a hundred sign-ins at once take
 * turns instead of taking every core from the writes, and one that gets no slot within {@code wait} is refused
 * ({@link Busy}, answered 503 with {@code Retry-After}) instead of queueing without end.
 */
final class BoundedHashing implements PasswordEncoder {

    /** No hashing slot came free in time. */
    static final class Busy extends RuntimeException {
        Busy() {
            super("no password hashing slot came free in time", null, false, false);
        }
    }

    private final PasswordEncoder hashing;
    private final Semaphore slots;
    private final Duration wait;

    BoundedHashing(PasswordEncoder hashing, int slots, Duration wait) {
        this.hashing = hashing;
        this.slots = new Semaphore(slots, true);
        this.wait = wait;
    }

    static int defaultSlots() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        acquire();
        try {
            return hashing.encode(rawPassword);
        } finally {
            slots.release();
        }
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        acquire();
        try {
            return hashing.matches(rawPassword, encodedPassword);
        } finally {
            slots.release();
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return hashing.upgradeEncoding(encodedPassword);
    }

    private void acquire() {
        try {
            if (!slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
    }
}
