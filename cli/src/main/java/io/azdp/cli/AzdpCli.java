package io.azdp.cli;

import io.azdp.cli.common.ExitCode;
import io.azdp.cli.common.ErrorHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** Builds the configured picocli {@link CommandLine} for {@code azdp}. */
public final class AzdpCli {

    private AzdpCli() {
    }

    public static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cl = new CommandLine(AzdpCommand.class, factory);
        ErrorHandler handler = new ErrorHandler();
        cl.setExecutionExceptionHandler(handler);
        cl.setParameterExceptionHandler(handler);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExpandAtFiles(false);
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) {
            exitCodes.put(String.format("%3d", code.code()), code.meaning());
        }
        applyExitCodes(cl, exitCodes);
        CommandLine completion = cl.getSubcommands().get("generate-completion");
        if (completion != null) {
            completion.getCommandSpec().usageMessage()
                    .header("Print a bash/zsh completion script: source <(azdp generate-completion)");
        }
        return cl;
    }

    private static void applyExitCodes(CommandLine cl, Map<String, String> exitCodes) {
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        for (CommandLine sub : cl.getSubcommands().values()) {
            applyExitCodes(sub, exitCodes);
        }
    }
}
