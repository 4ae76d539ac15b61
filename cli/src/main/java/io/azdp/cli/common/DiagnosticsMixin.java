package io.azdp.cli.common;

import picocli.CommandLine.Option;

/** {@code --debug}, {@code --verbose} and {@code --only-show-errors}. */
public class DiagnosticsMixin {

    @Option(names = "--debug", description = "Print the HTTP exchange (secrets redacted) and stack traces on stderr.")
    boolean debug;

    @Option(names = "--verbose", description = "Print progress and resolved settings (never secrets) on stderr.")
    boolean verbose;

    @Option(names = "--only-show-errors",
            description = "Print only errors on stderr: no progress, no warnings (env AZDP_ONLY_SHOW_ERRORS, or the "
                    + "config file's only-show-errors: true).")
    boolean onlyShowErrors;

    public boolean onlyShowErrors() {
        return onlyShowErrors;
    }

    public boolean debug() {
        return debug;
    }

    public boolean verbose() {
        return verbose || debug;
    }
}
