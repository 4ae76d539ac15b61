package io.azdp.cli.common;

import io.azdp.cli.ExitCode;

/** An error the CLI itself detected: carries the exit code and a one-line message for stderr. */
public class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ExitCode exitCode;

    public CliException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** Bad flags, files or ids: exit 2, nothing sent. */
    public static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message);
    }
}
