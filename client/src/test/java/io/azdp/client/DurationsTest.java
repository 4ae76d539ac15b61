package io.azdp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import io.azdp.model.ValidationException;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void parsesShortAndIsoForms() {
        assertThat(ClientSettings.parseDuration("--timeout", "90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ClientSettings.parseDuration("--timeout", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ClientSettings.parseDuration("--timeout", "10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(ClientSettings.parseDuration("--timeout", "2h")).isEqualTo(Duration.ofHours(2));
        assertThat(ClientSettings.parseDuration("--timeout", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(ClientSettings.parseDuration("--timeout", "PT5M")).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void settingsTakeTheSameFormsAndNameTheirOrigin() {
        ClientSettings s = DataProtectionClient.builder().environment(java.util.Map.of("AZDP_POLL_INTERVAL", "500ms"))
                .settings();
        assertThat(s.pollInterval()).isEqualTo(Duration.ofMillis(500));
        // the job interval follows the operation interval unless set itself
        assertThat(s.jobPollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> DataProtectionClient.builder().environment(java.util.Map.of())
                .set(Setting.POLL_INTERVAL, "soon", "--poll-interval").settings())
                .hasMessage("--poll-interval: expected a duration such as 90s, 10m, 2h or PT5M, got 'soon'");
    }

    @Test
    void rejectsGarbageNamingTheFlag() {
        assertThatThrownBy(() -> ClientSettings.parseDuration("--timeout", "soon")).isInstanceOf(ValidationException.class)
                .hasMessage("--timeout: expected a duration such as 90s, 10m, 2h or PT5M, got 'soon'");
    }
}
