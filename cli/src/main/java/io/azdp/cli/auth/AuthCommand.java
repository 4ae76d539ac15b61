package io.azdp.cli.auth;

import io.azdp.cli.common.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code azdp auth}. */
@Command(name = "auth", header = "Show which credential azdp uses.", subcommands = { AuthShowCommand.class })
public class AuthCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }
}
