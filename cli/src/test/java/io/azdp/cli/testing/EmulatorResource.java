package io.azdp.cli.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;

/**
 * Points the CLI at the emulator through configuration (the keys a user would set in the environment:
 * {@code azdp.endpoint} = {@code AZDP_ENDPOINT}, ...). Quarkus starts and stops test resources around every launch of a
 * {@code @QuarkusMainTest}, so the emulator itself is one process per test JVM, started on first use and stopped when
 * the JVM exits; operations and jobs are short and Retry-After is 0 so tests do not wait.
 */
public class EmulatorResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Emulator emulator = Emulator.shared(List.of("-Dazdp.mock.operation-duration=PT0.3S",
                "-Dazdp.mock.job-duration=PT0.5S", "-Dazdp.mock.retry-after=0", "-Dazdp.mock.job-page-size=5",
                // tests count requests in the journal: room for a whole 500-instance bulk run
                "-Dazdp.mock.journal-size=100000"));
        return Map.of("azdp.endpoint", emulator.baseUrl(),
                "azdp.subscription-id", Emulator.SUBSCRIPTION,
                "azdp.access-token", emulator.token(),
                "AZDP_CONFIG", "/nonexistent/azdp-config.yaml");
    }

    @Override
    public void stop() {
        // the shared emulator outlives a single launch; a shutdown hook stops it with the JVM
    }
}
