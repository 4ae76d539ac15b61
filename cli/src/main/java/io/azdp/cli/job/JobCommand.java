package io.azdp.cli.job;

import io.azdp.cli.common.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code azdp job}. */
@Command(name = "job", header = "Show, wait for and list backup jobs.", subcommands = { JobShowCommand.class, JobWaitCommand.class, JobListCommand.class })
public class JobCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }
}
