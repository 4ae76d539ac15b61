package io.azdp.cli.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parsesShortAndIsoForms() {
        assertThat(Durations.parse("--timeout", "90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("--timeout", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("--timeout", "10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("--timeout", "2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("--timeout", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("--timeout", "PT5M")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void rejectsGarbageNamingTheFlag() {
        assertThatThrownBy(() -> Durations.parse("--timeout", "soon")).isInstanceOf(CliException.class)
                .hasMessage("--timeout: expected a duration such as 90s, 10m, 2h or PT5M, got 'soon'");
    }
}
