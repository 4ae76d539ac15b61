package io.azdp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.azdp.model.nativeimage.NativeReflectionCheck;
import io.azdp.model.nativeimage.NativeResources;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Native image (CI has no GraalVM, so this runs in plain JVM mode): every type the CLI's code hands to Jackson (the
 * input it reads, the results it prints) and everything Jackson reaches from it is registered for reflection in the
 * native build. The client's own calls are checked by the client's NativeReflectionTest.
 */
class NativeReflectionTest {

    @Test
    void everyTypeTheCliBindsWithJacksonIsRegisteredForTheNativeImage() {
        NativeReflectionCheck.Result r = NativeReflectionCheck.of(Path.of("target/classes"))
                .acceptingUntyped("io.azdp.cli.backup.HttpPreview.body", "always Printer.tree(request): a JsonNode"
                        + " tree, made from the TriggerBackupRequest by a Printer.tree call site the scan checks")
                .run();

        assertThat(r.problems()).as(r.report()).isEmpty();
        // the scan sees what the commands print and read (a scan that finds nothing would pass vacuously)
        assertThat(r.required()).containsKeys("io.azdp.model.TriggerBackupRequest",
                "io.azdp.model.job.AzureBackupJobResource", "io.azdp.model.policy.AdhocBackupOptions",
                "io.azdp.model.OperationResource");
        assertThat(r.required().keySet()).filteredOn(c -> c.startsWith("io.azdp.cli.")).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void everyResourceTheCliLoadsAtRunTimeIsInTheNativeImage() {
        assertThat(NativeResources.problems(Path.of("target/classes"), Path.of("src/main/resources/application.properties")))
                .isEmpty();
    }
}
