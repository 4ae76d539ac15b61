package io.azdp.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.azdp.model.nativeimage.NativeReflectionCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Native image (CI has no GraalVM, so this runs in plain JVM mode): every type the client's code hands to Jackson,
 * and everything Jackson reaches from it, is registered for reflection in the native build.
 */
class NativeReflectionTest {

    @Test
    void everyTypeTheClientBindsWithJacksonIsRegisteredForTheNativeImage() {
        NativeReflectionCheck.Result r = NativeReflectionCheck.of(Path.of("target/classes")).run();

        assertThat(r.problems()).as(r.report()).isEmpty();
        // the scan sees the client's reads (a scan that finds nothing would pass vacuously)
        assertThat(r.required()).containsKeys("io.azdp.model.OperationResource", "io.azdp.model.CloudError",
                "io.azdp.model.instance.BackupInstanceResource", "io.azdp.model.job.AzureBackupJobResourceList",
                "io.azdp.model.policy.BaseBackupPolicyResource", "io.azdp.model.TriggerBackupRequest");
    }
}
