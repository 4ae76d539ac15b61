package io.azdp.cli.common;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What Ctrl-C prints while a wait is in progress: {@link io.azdp.cli.AzdpMain} installs the SIGINT handler, which prints
 * the current hint (if any) and ends the process with exit code 130.
 */
public final class ResumeHint implements AutoCloseable {
    private static final AtomicReference<String> CURRENT = new AtomicReference<>();
    private final String command;

    private ResumeHint(String command) {
        this.command = command;
    }

    /** Registers {@code resumeCommand} as the hint Ctrl-C prints until {@link #close()}. */
    public static ResumeHint install(PrintWriter err, String resumeCommand) {
        CURRENT.set(resumeCommand);
        return new ResumeHint(resumeCommand);
    }

    /** The text Ctrl-C prints now. */
    public static String interruptMessage() {
        String command = CURRENT.get();
        if (command == null) {
            return "interrupted";
        }
        return "interrupted: nothing was cancelled on the service; resume with:\n  " + Redactor.redact(command);
    }

    @Override
    public void close() {
        CURRENT.compareAndSet(command, null);
    }

    /** Quotes a value for a POSIX shell. */
    public static String shellQuote(String value) {
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }
}
