package io.azdp.client;

import java.time.Duration;

/**
 * Exponential backoff with jitter for transient failures (408, 429, 500, 502, 503, 504, connection failures).
 *
 * @param maxRetries    retries after the first attempt (0 disables retries)
 * @param baseDelay     delay before the first retry, doubled for every further retry
 * @param maxDelay      cap of the computed backoff
 * @param maxRetryAfter a server {@code Retry-After} longer than this is not waited for; the error is raised instead
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(800), Duration.ofSeconds(30),
            Duration.ofMinutes(2));

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("azdp.retry.max-retries: expected 0 or more, got " + maxRetries);
        }
        baseDelay = nonNegative("azdp.retry.base-delay", baseDelay);
        maxDelay = nonNegative("azdp.retry.max-delay", maxDelay);
        maxRetryAfter = nonNegative("azdp.retry.max-retry-after", maxRetryAfter);
    }

    /** No retries at all. */
    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The backoff before retry number {@code retry} (0 for the first retry): {@code baseDelay * 2^retry}, of which
     * the upper half is randomised by {@code random} (in [0, 1)), capped at {@code maxDelay}.
     */
    public Duration backoff(int retry, double random) {
        double exp = baseDelay.toMillis() * Math.pow(2, Math.max(0, retry));
        long capped = (long) Math.min(exp, (double) maxDelay.toMillis());
        double r = Math.min(Math.max(random, 0d), 1d);
        long half = capped / 2;
        return Duration.ofMillis(half + Math.round((capped - half) * r));
    }

    private static Duration nonNegative(String name, Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + ": expected a duration of 0 or more, got " + d);
        }
        return d;
    }
}
