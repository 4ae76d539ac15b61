package io.azdp.cli.backup;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One pause shared by every worker of a bulk run: a 429 anywhere pushes the whole batch back (by the service's
 * Retry-After, else exponentially), so throttling slows the batch down instead of failing items.
 */
final class SharedBackoff {
    private static final long BASE_NANOS = Duration.ofMillis(500).toNanos();
    private static final long MAX_NANOS = Duration.ofSeconds(30).toNanos();

    private final AtomicLong pauseUntil = new AtomicLong();
    private final AtomicInteger level = new AtomicInteger();
    private final AtomicInteger hits = new AtomicInteger();
    private final LongSupplier clock;

    SharedBackoff(LongSupplier nanoClock) {
        this.clock = nanoClock;
        pauseUntil.set(nanoClock.getAsLong());
    }

    /** Records a 429; returns the pause now in force. */
    Duration throttled(Optional<Duration> retryAfter) {
        hits.incrementAndGet();
        int l = level.updateAndGet(v -> Math.min(v + 1, 8));
        long delay = retryAfter.map(Duration::toNanos).filter(n -> n > 0)
                .orElse(Math.min(MAX_NANOS, BASE_NANOS << (l - 1)));
        long target = clock.getAsLong() + delay;
        long until = pauseUntil.accumulateAndGet(target, Math::max);
        return Duration.ofNanos(Math.max(0, until - clock.getAsLong()));
    }

    void succeeded() {
        level.updateAndGet(v -> Math.max(0, v - 1));
    }

    int hits() {
        return hits.get();
    }

    /** How long a worker must still wait before sending. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, pauseUntil.get() - clock.getAsLong()));
    }
}
