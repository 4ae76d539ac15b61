package io.azdp.cli;

import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.AutoComplete;

/**
 * Reflection registrations for the native image that Quarkus cannot infer: picocli's own completion subcommand. The
 * api-model types the CLI reads and prints are registered by the metadata api-model ships
 * ({@code META-INF/native-image/io.azdp/azdp-api-model/reachability-metadata.json}); the CLI's own output records carry
 * {@code @RegisterForReflection}. {@code NativeReflectionTest} fails when a Jackson-bound type is missing. The
 * JMESPath library of {@code --query} needs nothing here: its parser (ANTLR, shaded) and functions use no reflection
 * and no ServiceLoader, and it binds no types (trees only).
 */
@RegisterForReflection(targets = { AutoComplete.GenerateCompletion.class })
final class NativeReflection {
    private NativeReflection() {
    }
}
