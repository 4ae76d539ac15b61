package io.azdp.cli.common;

import io.azdp.cli.output.ControlChars;
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
        err.println("error: " + Redactor.redact(maskSecretArguments(usageMessage(ex), args)));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE.code();
    }

    /**
     * Hides, in a parse error, the values given to anything that looks like a secret option, known or mistyped
     * ({@code --client-secrt VALUE}, {@code --access-token=VALUE}): picocli quotes unmatched arguments, and the
     * redactor only knows the secrets of resolved settings, which do not exist yet when parsing fails.
     */
    static String maskSecretArguments(String message, String[] args) {
        String masked = message;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-") || !SECRET_OPTION.matcher(arg).find()) {
                continue;
            }
            int eq = arg.indexOf('=');
            String value = eq >= 0 ? arg.substring(eq + 1) : i + 1 < args.length ? args[i + 1] : null;
            if (value != null && !value.isEmpty() && !value.startsWith("-")) {
                masked = masked.replace(value, Redactor.REDACTED);
            }
        }
        return masked;
    }

    private static final java.util.regex.Pattern SECRET_OPTION = java.util.regex.Pattern.compile(
            "(?i)^--?[^=]*(secr|tok|pass|pwd|assert|cred)"); // stems, so that typos (--client-secrt) match too

    /** picocli's message, reworded where it is cryptic (combined options of exclusive groups). */
    static String usageMessage(ParameterException ex) {
        String message = String.valueOf(ex.getMessage()).replaceFirst("^Error: ", "");
        if (message.startsWith("expected only one match but got") || message.contains("are mutually exclusive")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("=\\{([^}]*)\\}").matcher(message);
            java.util.List<String> given = new java.util.ArrayList<>();
            while (m.find()) {
                for (String part : m.group(1).split(", ")) {
                    given.add(part.replaceFirst("=.*", ""));
                }
            }
            if (!given.isEmpty()) {
                return "these options are mutually exclusive (give only one of them): "
                        + String.join(", ", new java.util.LinkedHashSet<>(given));
            }
        }
        return message;
    }

    /** Prints the one-line error (and the trace with debug) and returns the exit code. */
    public static int report(Throwable ex, PrintWriter err, boolean debug) {
        ExitCode code = ErrorMapper.exitCode(ex);
        err.println("error: " + ControlChars.escape(Redactor.redact(ErrorMapper.message(ex))));
        if (debug) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            trace.toString().lines().forEach(l -> err.println(ControlChars.escape(Redactor.redact(l))));
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
