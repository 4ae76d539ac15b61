package io.azdp.cli;

import io.azdp.cli.common.ResumeHint;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;
import sun.misc.Signal;

/**
 * Entry point of {@code azdp}. Returns the exit code to Quarkus, which exits the process with it. The one exception is
 * Ctrl-C: the SIGINT handler installed here prints how to resume the wait in progress and ends the process with 130
 * (Quarkus would otherwise wait for the blocked command to return).
 */
@QuarkusMain
public class AzdpMain implements QuarkusApplication {

    @Inject
    CommandLine.IFactory factory;

    @Override
    public int run(String... args) {
        installInterruptHandler();
        return AzdpCli.commandLine(factory).execute(args);
    }

    static void installInterruptHandler() {
        try {
            Signal.handle(new Signal("INT"), signal -> {
                System.err.println();
                System.err.println(ResumeHint.interruptMessage());
                System.err.flush();
                Runtime.getRuntime().halt(ExitCode.INTERRUPTED.code());
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // no SIGINT on this platform: the JVM's default handling applies
        }
    }
}
