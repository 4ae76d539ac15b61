package io.azdp.cli;

import io.azdp.cli.auth.AuthCommand;
import io.azdp.cli.common.ExitCode;
import io.azdp.cli.backup.BackupCommand;
import io.azdp.cli.backup.BackupInstanceCommand;
import io.azdp.cli.job.JobCommand;
import io.azdp.cli.operation.OperationCommand;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import java.util.concurrent.Callable;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code azdp}: the root command. */
@TopCommand
@Command(name = "azdp", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class, sortOptions = false, usageHelpAutoWidth = true,
        header = "Trigger and follow Azure Data Protection adhoc backups.",
        description = { "Data goes to stdout (stable JSON by default), progress and errors to stderr.",
                "Settings: flags > environment (AZURE_*, AZDP_*) > ~/.config/azdp/config.yaml (or $AZDP_CONFIG) > defaults." },
        subcommands = { BackupInstanceCommand.class, BackupCommand.class, JobCommand.class, OperationCommand.class,
                AuthCommand.class, GenerateCompletion.class })
public class AzdpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        spec.commandLine().getErr().println("error: expected a command, e.g. 'azdp backup --help'");
        return ExitCode.USAGE.code();
    }
}
