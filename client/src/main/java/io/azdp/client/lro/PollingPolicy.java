package io.azdp.client.lro;

import java.time.Duration;
import java.util.Optional;

/**
 * How long to wait before the next poll. A server {@code Retry-After} is honoured as given (the client never polls
 * faster than asked) up to {@code maxRetryAfter} ({@code azdp.retry.max-retry-after}): a longer one (a service once
 * asked for 65 years) waits the cap, so a wait, and a resume token's next poll, stay within reach. Without one (or an
 * unreadable or negative one) the client starts at {@code defaultInterval} and grows it by half after every poll,
 * capped at {@code maxInterval}.
 */
record PollingPolicy(Duration defaultInterval, Duration maxInterval, Duration maxRetryAfter) {

    /** The default cap of a server's Retry-After while polling. */
    static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofMinutes(2);

    PollingPolicy(Duration defaultInterval, Duration maxInterval) {
        this(defaultInterval, maxInterval, DEFAULT_MAX_RETRY_AFTER);
    }

    public PollingPolicy {
        if (defaultInterval == null || defaultInterval.isNegative()) {
            throw new IllegalArgumentException("azdp.poll-interval: expected a duration of 0 or more, got "
                    + defaultInterval);
        }
        if (maxInterval == null || maxInterval.isNegative()) {
            throw new IllegalArgumentException("azdp.max-poll-interval: expected a duration of 0 or more, got "
                    + maxInterval);
        }
        if (maxRetryAfter == null || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("azdp.retry.max-retry-after: expected a duration of 0 or more, got "
                    + maxRetryAfter);
        }
        if (maxInterval.compareTo(defaultInterval) < 0) {
            maxInterval = defaultInterval;
        }
    }

    /**
     * @param pollsDone  polls already made (0 before the first poll)
     * @param retryAfter what the last response asked for
     */
    /** {@code at}, or {@code now + maxRetryAfter} when it is later (a resume token's next poll). */
    java.time.Instant capped(java.time.Instant now, java.time.Instant at) {
        java.time.Instant latest = now.plus(maxRetryAfter);
        return at.isAfter(latest) ? latest : at;
    }

    Duration nextDelay(int pollsDone, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent() && !retryAfter.get().isNegative()) {
            return retryAfter.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter.get();
        }
        double grown = defaultInterval.toMillis() * Math.pow(1.5, Math.max(0, pollsDone));
        return Duration.ofMillis((long) Math.min(grown, (double) maxInterval.toMillis()));
    }
}
