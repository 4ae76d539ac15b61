package io.azdp.cli.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
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
        Emulator emulator = Emulator.shared();
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
