package io.azdp.cli.common;

import io.azdp.model.ValidationException;
import java.util.function.Supplier;

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

    /**
     * Parses or checks one option's value; a {@link ValidationException} becomes a usage error that starts with the
     * option, as the user typed it ({@code --id: resource id segment ...}, {@code -g/--resource-group-name: expected a
     * resource group name ..., got 'bad rg!'}), instead of the model's field name alone.
     */
    public static <T> T option(String option, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            String message = e.getMessage();
            String field = e.field();
            if (field != null && message.startsWith(field + ": ")) {
                message = message.substring(field.length() + 2);
            }
            throw new CliException(ExitCode.USAGE, option + ": " + message, e);
        }
    }

    /**
     * {@code --query} could not run on a result after the service accepted a backup (the result was printed without
     * it): a service-class exit (6), never 2, which would say nothing was sent.
     */
    public static CliException queryAfterAcceptance(String message) {
        return new CliException(ExitCode.THROTTLED_OR_UNAVAILABLE, message);
    }

    /** Bad flags, files or ids: exit 2, nothing sent. */
    public static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message);
    }
}
