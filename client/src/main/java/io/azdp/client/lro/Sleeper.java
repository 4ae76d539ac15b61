package io.azdp.client.lro;

import java.time.Duration;

import io.smallrye.mutiny.Uni;

/**
 * Waits without holding a thread. The client never calls {@code Thread.sleep}: every delay (retry backoff, poll
 * interval) goes through a {@code Sleeper}, so tests can inject one that only records the delays and advances a
 * fake clock.
 */
@FunctionalInterface
public interface Sleeper {

    /** A {@code Uni} that completes after {@code delay}; zero or negative completes at once. */
    Uni<Void> sleep(Duration delay);

    /** The real one: a Mutiny timer on the shared scheduler, no thread per waiting caller. */
    static Sleeper system() {
        return delay -> delay == null || delay.isZero() || delay.isNegative()
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(delay);
    }
}
