package io.azdp.cli.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        // azdp.access-token is blanked, not left out: in-JVM launches keep the properties an earlier test class's
        // resource set, and a stale token there would win over the config file
        return Map.of("azdp.endpoint", emulator.baseUrl(),
                "azdp.subscription-id", Emulator.SUBSCRIPTION,
                "azdp.access-token", "",
                "AZDP_CONFIG", configFileWithToken(emulator.token()).toString());
    }

    /**
     * The bearer token goes to the CLI in a config file (owner-only), not as a property: Quarkus's integration-test
     * launcher prints every property of the command line it runs, and a token must not land in the build log.
     */
    static Path configFileWithToken(String token) {
        try {
            Path file = Files.createTempFile("azdp-test-config", ".yaml",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            file.toFile().deleteOnExit();
            Files.writeString(file, "profiles:\n  default:\n    access-token: " + token + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // the shared emulator outlives a single launch; a shutdown hook stops it with the JVM
    }
}
