package io.azdp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(800), Duration.ofSeconds(5),
            Duration.ofMinutes(1));

    @Test
    void backoffDoublesWithJitterOnTheUpperHalf() {
        assertThat(policy.backoff(0, 0.0)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.backoff(0, 1.0)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.backoff(1, 1.0)).isEqualTo(Duration.ofMillis(1600));
        assertThat(policy.backoff(2, 0.5)).isEqualTo(Duration.ofMillis(2400));
    }

    @Test
    void backoffIsCappedAndNeverOverflows() {
        assertThat(policy.backoff(3, 1.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.backoff(62, 1.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.backoff(1000, 0.0)).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void invalidValuesAreRefusedByName() {
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("azdp.retry.max-retries");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("azdp.retry.base-delay");
    }
}
