package io.azdp.mock.admin;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native image: the control plane's request records, which the emulator reads with {@code AzdpJson.read} outside
 * JAX-RS signatures. The api-model types are registered by the metadata api-model ships
 * ({@code META-INF/native-image/io.azdp/azdp-api-model/reachability-metadata.json}); the emulator's other JSON/YAML
 * types carry {@code @RegisterForReflection} themselves. {@code NativeReflectionTest} fails when a type is missing.
 */
@RegisterForReflection(targets = {
        io.azdp.mock.admin.AdminResource.ClockRequest.class,
        io.azdp.mock.admin.AdminResource.AuthRequest.class,
        io.azdp.mock.gate.JournalEntry.Lro.class})
final class NativeReflection {

    private NativeReflection() {
    }
}
