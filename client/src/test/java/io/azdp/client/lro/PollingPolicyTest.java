package io.azdp.client.lro;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PollingPolicyTest {
    private final PollingPolicy policy = new PollingPolicy(Duration.ofSeconds(2), Duration.ofSeconds(10));

    @Test
    void serverRetryAfterIsHonouredExactlyEvenAboveTheCap() {
        assertThat(policy.nextDelay(0, Optional.of(Duration.ofSeconds(1)))).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.nextDelay(5, Optional.of(Duration.ofSeconds(60)))).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.nextDelay(5, Optional.of(Duration.ZERO))).isEqualTo(Duration.ZERO);
    }

    @Test
    void withoutRetryAfterTheDefaultGrowsByHalfUpToTheCap() {
        assertThat(policy.nextDelay(0, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.nextDelay(1, Optional.empty())).isEqualTo(Duration.ofSeconds(3));
        assertThat(policy.nextDelay(2, Optional.empty())).isEqualTo(Duration.ofMillis(4500));
        assertThat(policy.nextDelay(10, Optional.empty())).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aCapBelowTheDefaultIsRaisedToIt() {
        PollingPolicy p = new PollingPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1));
        assertThat(p.maxInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.nextDelay(3, Optional.empty())).isEqualTo(Duration.ofSeconds(5));
    }
}
