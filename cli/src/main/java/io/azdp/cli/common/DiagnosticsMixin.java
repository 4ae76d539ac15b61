package io.azdp.cli.common;

import picocli.CommandLine.Option;

/** {@code --debug} and {@code --verbose}. */
public class DiagnosticsMixin {

    @Option(names = "--debug", description = "Print the HTTP exchange (secrets redacted) and stack traces on stderr.")
    boolean debug;

    @Option(names = "--verbose", description = "Print progress and resolved settings (never secrets) on stderr.")
    boolean verbose;

    public boolean debug() {
        return debug;
    }

    public boolean verbose() {
        return verbose || debug;
    }
}
