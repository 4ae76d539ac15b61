package io.azdp.cli;

import io.azdp.cli.common.ExitCode;
import io.azdp.cli.common.ResumeHint;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import sun.misc.Signal;

/**
 * Entry point of {@code azdp}. Returns the exit code to Quarkus, which exits the process with it. The exceptions are
 * Ctrl-C and SIGTERM: the handlers installed here print how to resume the wait in progress and end the process with 130
 * or 143 (Quarkus would otherwise wait for the blocked command to return, or close the REST client under it). They are
 * installed in {@code main}, before Quarkus starts, so that a Ctrl-C during start-up says "interrupted" too instead of
 * ending silently, and again once Quarkus has started. A process that inherited SIGINT as ignored (a background job of a non-interactive shell) keeps ignoring
 * it: HotSpot does not let a Java handler take over an ignored shutdown signal, which is also the shell convention.
 */
@QuarkusMain
public class AzdpMain implements QuarkusApplication {
    private static final AtomicBoolean SIGNALLED = new AtomicBoolean();

    @Inject
    CommandLine.IFactory factory;

    public static void main(String... args) {
        installSignalHandlers();
        Quarkus.run(AzdpMain.class, args);
    }

    @Override
    public int run(String... args) {
        installSignalHandlers();
        return AzdpCli.commandLine(factory).execute(args);
    }

    static void installSignalHandlers() {
        handle("INT", "interrupted", ExitCode.INTERRUPTED);
        handle("TERM", "terminated", ExitCode.TERMINATED);
    }

    private static void handle(String signalName, String what, ExitCode exitCode) {
        try {
            Signal.handle(new Signal(signalName), signal -> {
                if (!SIGNALLED.compareAndSet(false, true)) {
                    return; // a second signal while the first one is being handled: print once
                }
                System.err.println();
                System.err.println(ResumeHint.interruptMessage(what));
                System.err.flush();
                Runtime.getRuntime().halt(exitCode.code());
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // not available on this platform or JVM: the JVM's default handling applies
        }
    }
}
