package io.azdp.cli;

import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * Entry point of {@code azdp}. Returns the exit code to Quarkus, which exits the process with it; nothing else in the
 * CLI ends the process.
 */
@QuarkusMain
public class AzdpMain implements QuarkusApplication {

    @Inject
    CommandLine.IFactory factory;

    @Override
    public int run(String... args) {
        return AzdpCli.commandLine(factory).execute(args);
    }
}
