package io.azdp.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SharedBackoffTest {
    @Test
    void throttlingPausesEveryoneAndGrowsWithoutRetryAfter() {
        AtomicLong clock = new AtomicLong(1_000);
        SharedBackoff backoff = new SharedBackoff(clock::get, Duration.ofSeconds(60));
        assertThat(backoff.remaining()).isZero();
        assertThat(backoff.throttled(Optional.of(Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3));
        // a shorter hint never shortens the shared pause
        assertThat(backoff.throttled(Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(3));
        clock.addAndGet(Duration.ofSeconds(3).toNanos());
        assertThat(backoff.remaining()).isZero();
        Duration first = backoff.throttled(Optional.empty());
        clock.addAndGet(first.toNanos());
        Duration second = backoff.throttled(Optional.empty());
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void noPauseIsLongerThanTheCap() {
        AtomicLong clock = new AtomicLong(1_000);
        SharedBackoff backoff = new SharedBackoff(clock::get, Duration.ofSeconds(5));
        assertThat(backoff.beyondCap(Optional.of(Duration.ofHours(1)))).isTrue();
        assertThat(backoff.beyondCap(Optional.of(Duration.ofSeconds(5)))).isFalse();
        assertThat(backoff.beyondCap(Optional.empty())).isFalse();
        assertThat(backoff.throttled(Optional.of(Duration.ofHours(1)))).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.remaining()).isEqualTo(Duration.ofSeconds(5));
        for (int i = 0; i < 10; i++) {
            assertThat(backoff.throttled(Optional.empty())).isLessThanOrEqualTo(Duration.ofSeconds(5));
        }
    }
}
