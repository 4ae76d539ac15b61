package io.azdp.cli.common;

import java.io.PrintWriter;

/**
 * While a wait is in progress, Ctrl-C (SIGINT) runs this hook, which tells how to resume; the JVM then exits with 130.
 */
public final class ResumeHint implements AutoCloseable {
    private final Thread hook;

    private ResumeHint(Thread hook) {
        this.hook = hook;
    }

    public static ResumeHint install(PrintWriter err, String resumeCommand) {
        Thread hook = new Thread(() -> {
            err.println();
            err.println("interrupted: nothing was cancelled on the service; resume with:");
            err.println("  " + resumeCommand);
            err.flush();
        }, "azdp-resume-hint");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        return new ResumeHint(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook runs
        }
    }

    /** Quotes a value for a POSIX shell. */
    public static String shellQuote(String value) {
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }
}
