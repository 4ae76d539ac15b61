package io.azdp.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.azdp.model.nativeimage.NativeReflectionCheck;
import io.azdp.model.nativeimage.NativeResources;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Native image (CI has no GraalVM, so this runs in plain JVM mode): every type the emulator's code hands to Jackson
 * (JAX-RS bodies and results, Response entities, the YAML seed and rules, the control plane's requests, the journal)
 * and everything Jackson reaches from it is registered for reflection in the native build.
 */
class NativeReflectionTest {

    @Test
    void everyTypeTheEmulatorBindsWithJacksonIsRegisteredForTheNativeImage() {
        NativeReflectionCheck.Result r = NativeReflectionCheck.of(Path.of("target/classes")).run();

        assertThat(r.problems()).as(r.report()).isEmpty();
        // the scan sees the emulator's own JSON/YAML types (a scan that finds nothing would pass vacuously)
        assertThat(r.required()).containsKeys("io.azdp.mock.inventory.Seed", "io.azdp.mock.gate.Rule",
                "io.azdp.mock.gate.JournalEntry", "io.azdp.mock.lro.Scenario",
                "io.azdp.mock.admin.AdminResource$ClockRequest", "io.azdp.model.TriggerBackupRequest",
                "io.azdp.model.OperationResource", "io.azdp.model.CloudError");
    }

    @Test
    void everyResourceTheEmulatorLoadsAtRunTimeIsInTheNativeImage() {
        assertThat(NativeResources.problems(Path.of("target/classes"), Path.of("src/main/resources/application.properties")))
                .isEmpty();
    }
}
