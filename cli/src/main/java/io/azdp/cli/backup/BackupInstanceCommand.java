package io.azdp.cli.backup;

import io.azdp.cli.common.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code azdp backup-instance}: commands on one backup instance. */
@Command(name = "backup-instance", header = "Commands on backup instances: trigger an adhoc backup, list valid rules.",
        subcommands = { AdhocBackupCommand.class, BackupInstanceRulesCommand.class })
public class BackupInstanceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }
}
