package io.azdp.cli.common;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What Ctrl-C or SIGTERM prints while a backup is under way: {@link io.azdp.cli.AzdpMain} installs the SIGINT and
 * SIGTERM handlers, which print the current hint (if any) and end the process with exit code 130 or 143.
 */
public final class ResumeHint implements AutoCloseable {
    private static final AtomicReference<ResumeHint> CURRENT = new AtomicReference<>();
    private final Supplier<String> message;

    private ResumeHint(Supplier<String> message) {
        this.message = message;
        CURRENT.set(this);
    }

    private ResumeHint(String message) {
        this(() -> message);
    }

    /**
     * Registers a hint computed when the signal arrives: {@code message} may first write what the run must leave
     * behind (a bulk run writes a line for every unfinished item to stdout) and returns the text for stderr.
     */
    public static ResumeHint computed(Supplier<String> message) {
        return new ResumeHint(message);
    }

    /** Registers {@code resumeCommand} as the hint Ctrl-C prints until {@link #close()}. */
    public static ResumeHint install(String resumeCommand) {
        return new ResumeHint(": nothing was cancelled on the service; resume with:\n  " + resumeCommand);
    }

    /**
     * Registers what Ctrl-C prints while the request that starts a backup is in flight, when the service may have
     * started one that nothing can resume yet: {@code checkCommand} shows whether it did.
     */
    public static ResumeHint requestInFlight(String checkCommand) {
        return new ResumeHint(" while the backup request was in flight: the service may have started a backup; "
                + "check with:\n  " + checkCommand);
    }

    /** The text a Ctrl-C ({@code what} = "interrupted") or SIGTERM ("terminated") prints now. */
    public static String interruptMessage(String what) {
        ResumeHint hint = CURRENT.get();
        return hint == null ? what : what + Redactor.redact(hint.message.get());
    }

    @Override
    public void close() {
        CURRENT.compareAndSet(this, null);
    }

    /** Quotes a value for a POSIX shell. */
    public static String shellQuote(String value) {
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }
}
