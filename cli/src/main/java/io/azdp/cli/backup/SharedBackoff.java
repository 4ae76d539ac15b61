package io.azdp.cli.backup;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One pause shared by every worker of a bulk run: a 429 anywhere pushes the whole batch back (by the service's
 * Retry-After, else exponentially), so throttling slows the batch down instead of failing items. No pause is ever
 * longer than {@code maxPause} ({@code --max-throttle-wait}): a Retry-After beyond it is not waited for here (the run
 * reports that item as {@code Throttled} with its retry time instead).
 */
final class SharedBackoff {
    private static final long BASE_NANOS = Duration.ofMillis(500).toNanos();
    private static final long MAX_NANOS = Duration.ofSeconds(30).toNanos();

    private final AtomicLong pauseUntil = new AtomicLong();
    private final AtomicInteger level = new AtomicInteger();
    private final LongSupplier clock;
    private final long maxPauseNanos;

    SharedBackoff(LongSupplier nanoClock, Duration maxPause) {
        this.clock = nanoClock;
        this.maxPauseNanos = maxPause.toNanos();
        pauseUntil.set(nanoClock.getAsLong());
    }

    /** Whether the service asked for a wait longer than the batch will pause for. */
    boolean beyondCap(Optional<Duration> retryAfter) {
        return retryAfter.isPresent() && retryAfter.get().toNanos() > maxPauseNanos;
    }

    /** Records a 429 to be waited for; returns the pause now in force (at most the cap). */
    Duration throttled(Optional<Duration> retryAfter) {
        int l = level.updateAndGet(v -> Math.min(v + 1, 8));
        long delay = retryAfter.map(Duration::toNanos).filter(n -> n > 0)
                .orElse(Math.min(MAX_NANOS, BASE_NANOS << (l - 1)));
        long now = clock.getAsLong();
        long until = pauseUntil.accumulateAndGet(now + Math.min(delay, maxPauseNanos), Math::max);
        return Duration.ofNanos(Math.max(0, until - clock.getAsLong()));
    }

    void succeeded() {
        level.updateAndGet(v -> Math.max(0, v - 1));
    }

    /** How long a worker must still wait before sending (never more than the cap). */
    Duration remaining() {
        return Duration.ofNanos(Math.min(maxPauseNanos, Math.max(0, pauseUntil.get() - clock.getAsLong())));
    }
}
