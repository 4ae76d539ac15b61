package io.azdp.client.error;

import java.time.Duration;
import java.util.Optional;

/** 429 after the retries were used up, or with a Retry-After longer than the client is willing to wait. */
public class ThrottledException extends ArmException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public ThrottledException(ErrorResponse response, Duration retryAfter) {
        super(response);
        this.retryAfter = retryAfter;
    }

    /** How long the service asked to wait before the next request, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
