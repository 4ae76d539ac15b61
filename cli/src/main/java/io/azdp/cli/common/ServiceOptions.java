package io.azdp.cli.common;

import io.azdp.cli.output.OutputMixin;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The options of every command that talks to the service (output, connection, diagnostics), declared once; mixed into
 * a command as its last field so that they follow the command's own options in its help.
 */
public class ServiceOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Mixin
    OutputMixin output;

    @Mixin
    ConnectionMixin connection;

    @Mixin
    DiagnosticsMixin diagnostics;

    /**
     * Starts a run: rejects a bad {@code --query}, a bad config file and a bad default output before anything is sent,
     * and returns the run's context.
     */
    public CliContext start() {
        output.compiledQuery();
        CliContext context = new CliContext(command, connection, diagnostics);
        output.resolve(context.cliSetting("output"), context.cliSettingSource("output"), Terminal.colourStdout());
        context.quiet(); // a bad only-show-errors value is exit 2 before anything is sent
        return context;
    }

    public OutputMixin output() {
        return output;
    }
}
