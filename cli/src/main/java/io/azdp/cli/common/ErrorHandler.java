package io.azdp.cli.common;

import io.azdp.cli.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every exception into one line on stderr and an {@link ExitCode}; the stack trace only with {@code --debug}.
 */
public final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        boolean debug = debugRequested(parseResult);
        return report(ex, commandLine.getErr(), debug);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        Throwable cause = ex.getCause();
        if (cause instanceof CliException || ErrorMapper.isValidation(cause)) {
            return report((Exception) cause, err, Arrays.asList(args).contains("--debug"));
        }
        err.println("error: " + Redactor.redact(ex.getMessage()));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE.code();
    }

    /** Prints the one-line error (and the trace with debug) and returns the exit code. */
    public static int report(Throwable ex, PrintWriter err, boolean debug) {
        ExitCode code = ErrorMapper.exitCode(ex);
        err.println("error: " + Redactor.redact(ErrorMapper.message(ex)));
        if (debug) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(Redactor.redact(trace.toString()));
        } else if (code == ExitCode.INTERNAL_ERROR) {
            err.println("This is a bug in azdp: run again with --debug and report the output.");
        }
        err.flush();
        return code.code();
    }

    static boolean debugRequested(ParseResult parseResult) {
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
