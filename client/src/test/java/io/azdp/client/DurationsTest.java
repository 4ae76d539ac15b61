package io.azdp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
        ClientSettings s = DataProtectionClient.builder().environment(java.util.Map.of("AZDP_POLL_INTERVAL", "1500ms"))
                .settings();
        assertThat(s.pollInterval()).isEqualTo(Duration.ofMillis(1500));
        // the job interval follows the operation interval unless set itself
        assertThat(s.jobPollInterval()).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> DataProtectionClient.builder().environment(java.util.Map.of())
                .set(Setting.POLL_INTERVAL, "soon", "--poll-interval").settings())
                .hasMessage("--poll-interval: expected a duration such as 90s, 10m, 2h or PT5M, got 'soon'");
    }

    @Test
    void aSubSecondPollIntervalIsRaisedToOneSecondWithOneWarningNamingItsSource() {
        List<String> warnings = new ArrayList<>();
        DataProtectionClientBuilder b = DataProtectionClient.builder()
                .environment(java.util.Map.of("AZDP_POLL_INTERVAL", "200ms")).warnings(warnings::add);
        ClientSettings s = b.settings();
        assertThat(s.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.jobPollInterval()).isEqualTo(Duration.ofSeconds(1));
        b.settings(); // resolving again (the CLI does, then builds) does not repeat it
        assertThat(warnings).containsExactly("AZDP_POLL_INTERVAL: 200ms is below the 1s floor of poll intervals; "
                + "polling every 1s (a shorter Retry-After from the service is still honoured)");
    }

    @Test
    void theFloorAppliesToEveryPollIntervalFromEverySourceAndSparesOneSecondAndMore() {
        List<String> warnings = new ArrayList<>();
        ClientSettings s = DataProtectionClient.builder().environment(java.util.Map.of())
                .source(setting -> setting == Setting.JOB_POLL_INTERVAL ? java.util.Optional.of("PT0.5S") : java.util.Optional.empty())
                .set(Setting.POLL_INTERVAL, "999ms", "--poll-interval")
                .set(Setting.MAX_POLL_INTERVAL, "1ms", "--max-poll-interval").warnings(warnings::add).settings();
        assertThat(s.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.maxPollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.jobPollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(warnings).hasSize(3).anySatisfy(w -> assertThat(w).startsWith("--poll-interval: 999ms is below"))
                .anySatisfy(w -> assertThat(w).startsWith("--max-poll-interval: 1ms is below"))
                .anySatisfy(w -> assertThat(w).startsWith("azdp.job-poll-interval: PT0.5S is below"));

        warnings.clear();
        ClientSettings exact = DataProtectionClient.builder().environment(java.util.Map.of())
                .pollInterval(Duration.ofSeconds(1)).jobPollInterval(Duration.ofMillis(1001)).warnings(warnings::add)
                .settings();
        assertThat(exact.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(exact.jobPollInterval()).isEqualTo(Duration.ofMillis(1001));
        assertThat(warnings).isEmpty();
    }

    @Test
    void zeroIsStillRefusedNotRaised() {
        assertThatThrownBy(() -> DataProtectionClient.builder().environment(java.util.Map.of())
                .set(Setting.POLL_INTERVAL, "0ms", "--poll-interval").settings()).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("--poll-interval: expected a duration greater than zero");
    }

    @Test
    void rejectsGarbageNamingTheFlag() {
        assertThatThrownBy(() -> ClientSettings.parseDuration("--timeout", "soon")).isInstanceOf(ValidationException.class)
                .hasMessage("--timeout: expected a duration such as 90s, 10m, 2h or PT5M, got 'soon'");
    }
}
