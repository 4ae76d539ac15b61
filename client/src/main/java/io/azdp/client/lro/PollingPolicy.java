package io.azdp.client.lro;

import java.time.Duration;
import java.util.Optional;

/**
 * How long to wait before the next poll. A server {@code Retry-After} is always honoured as given (the client never
 * polls faster than asked). Without one the client starts at {@code defaultInterval} and grows it by half after every
 * poll, capped at {@code maxInterval}.
 */
record PollingPolicy(Duration defaultInterval, Duration maxInterval) {

    public PollingPolicy {
        if (defaultInterval == null || defaultInterval.isNegative()) {
            throw new IllegalArgumentException("azdp.poll-interval: expected a duration of 0 or more, got "
                    + defaultInterval);
        }
        if (maxInterval == null || maxInterval.isNegative()) {
            throw new IllegalArgumentException("azdp.max-poll-interval: expected a duration of 0 or more, got "
                    + maxInterval);
        }
        if (maxInterval.compareTo(defaultInterval) < 0) {
            maxInterval = defaultInterval;
        }
    }

    /**
     * @param pollsDone  polls already made (0 before the first poll)
     * @param retryAfter what the last response asked for
     */
    Duration nextDelay(int pollsDone, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return retryAfter.get();
        }
        double grown = defaultInterval.toMillis() * Math.pow(1.5, Math.max(0, pollsDone));
        return Duration.ofMillis((long) Math.min(grown, (double) maxInterval.toMillis()));
    }
}
