package io.azdp.mock.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.azdp.mock.MockConfig;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesTest {

    private static MockConfig config(Path rulesFile) {
        return (MockConfig) Proxy.newProxyInstance(MockConfig.class.getClassLoader(), new Class<?>[] {MockConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "rulesFile" -> Optional.ofNullable(rulesFile).map(Path::toString);
                    case "scenarios" -> Map.of("fast", "polls=0");
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void rulesFileIsLoadedAndReloadable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, """
                - name: throttle-first
                  method: POST
                  path: /backup$
                  times: 1
                  fault: {status: 429, retryAfter: 2}
                - name: failing
                  scenario: outcome=Failed
                """);
        Rules rules = new Rules(config(file));
        assertThat(rules.describe()).hasSize(2);
        assertThat(rules.named()).containsEntry("failing", "outcome=Failed").containsEntry("fast", "polls=0");
        rules.clear();
        assertThat(rules.describe()).isEmpty();
        rules.loadConfigured();
        assertThat(rules.describe()).hasSize(2);
    }

    @Test
    void badRulesFileNamesTheFileAndTheProblem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.yaml");
        Files.writeString(file, "- name: x\n  path: a\n  fault: {status: 200}\n");
        assertThatThrownBy(() -> new Rules(config(file))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rules.yaml").hasMessageContaining("fault.status");
    }

    @Test
    void noRulesFileMeansNoRules() {
        assertThat(new Rules(config(null)).describe()).isEmpty();
    }
}
