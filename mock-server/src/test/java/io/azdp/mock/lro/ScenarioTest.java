package io.azdp.mock.lro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.azdp.mock.error.ArmException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    @Test
    void parsesEveryKeyCaseInsensitively() {
        Scenario s = Scenario.parse("MODE=sync; polls=3;outcome=failed;errorCode=E1;errorMessage=boom;"
                + "jobOutcome=completedwithwarnings;headers=Location-Only;retryAfter=none;statusCasing=InProgress;"
                + "opDuration=PT2S;jobDuration=500ms;latencyMs=10;httpStatus=503;drop=false;signedUrls=true", Map.of());
        assertThat(s).isEqualTo(new Scenario("sync", 3, "Failed", "E1", "boom", "CompletedWithWarnings",
                "location-only", -1, "InProgress", Duration.ofSeconds(2), Duration.ofMillis(500), 10, 503, false, true));
    }

    @Test
    void namedScenariosExpandAndInlineKeysWin() {
        Scenario s = Scenario.parse("slow;polls=1", Map.of("slow", "polls=5;retryAfter=3"));
        assertThat(s.polls()).isEqualTo(1);
        assertThat(s.retryAfter()).isEqualTo(3);
    }

    @Test
    void overlayKeepsUnsetFields() {
        Scenario base = Scenario.parse("outcome=Canceled;polls=2", Map.of());
        Scenario merged = base.overlay(Scenario.parse("polls=4", Map.of()));
        assertThat(merged.outcome()).isEqualTo("Canceled");
        assertThat(merged.polls()).isEqualTo(4);
        assertThat(Scenario.EMPTY.outcomeOrDefault()).isEqualTo("Succeeded");
        assertThat(Scenario.EMPTY.runningStatus()).isEqualTo("Inprogress");
    }

    @Test
    void errorsNameTheKeyAndTheExpectation() {
        assertThatThrownBy(() -> Scenario.parse("polls=-1", Map.of())).isInstanceOf(ArmException.class)
                .hasMessageContaining("polls: expected a non-negative integer, got '-1'");
        assertThatThrownBy(() -> Scenario.parse("outcome=Done", Map.of()))
                .hasMessageContaining("outcome: expected one of Succeeded|Failed|Canceled");
        assertThatThrownBy(() -> Scenario.parse("httpStatus=200", Map.of())).hasMessageContaining("400-599");
        assertThatThrownBy(() -> Scenario.parse("nosuch", Map.of())).hasMessageContaining("unknown scenario name");
        assertThatThrownBy(() -> Scenario.parse("a", Map.of("a", "b", "b", "a")))
                .hasMessageContaining("loop");
    }
}
