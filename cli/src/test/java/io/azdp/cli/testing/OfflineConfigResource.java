package io.azdp.cli.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Configuration for tests that never reach a server: no developer config file, a syntactically valid token so a
 * command gets as far as the network. Passed to the packaged application too (as -D), unlike application.properties.
 */
public class OfflineConfigResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of("AZDP_CONFIG", "/nonexistent/azdp-config.yaml", "azdp.access-token", "test-token-not-a-secret");
    }

    @Override
    public void stop() {
        // nothing to stop
    }
}
