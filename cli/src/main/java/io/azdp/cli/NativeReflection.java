package io.azdp.cli;

import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.AutoComplete;

/**
 * Reflection registrations for the native image that Quarkus cannot infer: picocli's own completion subcommand and the
 * Jackson-bound types printed or read by the CLI (our own output records carry {@code @RegisterForReflection}).
 */
@RegisterForReflection(targets = { AutoComplete.GenerateCompletion.class, io.azdp.model.policy.AdhocBackupOptions.class,
        io.azdp.model.policy.AdhocBackupRuleOption.class, io.azdp.model.OperationJobExtendedInfo.class,
        io.azdp.model.TriggerBackupRequest.class, io.azdp.model.AdHocBackupRuleOptions.class,
        io.azdp.model.AdhocBackupTriggerOption.class })
final class NativeReflection {
    private NativeReflection() {
    }
}
