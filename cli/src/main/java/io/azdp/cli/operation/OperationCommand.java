package io.azdp.cli.operation;

import io.azdp.cli.common.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code azdp operation}. */
@Command(name = "operation", header = "Show or wait for a long-running operation started with --no-wait.", subcommands = { OperationShowCommand.class, OperationWaitCommand.class })
public class OperationCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }
}
