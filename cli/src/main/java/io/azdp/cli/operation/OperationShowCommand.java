package io.azdp.cli.operation;

import io.azdp.cli.common.CliContext;
import io.azdp.cli.common.CliException;
import io.azdp.cli.common.ServiceOptions;
import io.azdp.cli.output.OutputMixin;
import io.azdp.client.lro.AdhocBackupPoller;
import io.azdp.client.lro.ResumeToken;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code azdp operation show}: one poll of an operation started with {@code --no-wait}. */
@Command(name = "show", header = "Show the status of an operation started with --no-wait (one poll).",
        footer = { "%nExamples:", "  azdp operation show --resume-token azdp1.eyJ2Ijox...",
                "  azdp operation show 'https://management.azure.com/subscriptions/.../operationStatus/<id>?api-version=2024-04-01'" })
public class OperationShowCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "URL",
            description = "Azure-AsyncOperation or Location URL, or a resume token.")
    String url;

    @Option(names = "--resume-token", paramLabel = "TOKEN",
            description = "Resume token printed by --no-wait; @FILE reads it from a file, '-' from stdin.")
    String resumeToken;

    @Mixin
    ServiceOptions service;

    @Override
    public Integer call() {
        CliContext context = service.start();
        OutputMixin output = service.output();
        AdhocBackupPoller poller = OperationWaitCommand.resume(context, url, resumeToken);
        if (url != null && !url.strip().startsWith(ResumeToken.PREFIX) && poller.state().statusUrl() != null) {
            // a status URL: its body as the service answers it
            output.print(context.out(), context.client().getOperationStatus(poller.state().statusUrl()));
            return 0;
        }
        if (!poller.isDone()) {
            poller.poll();
        }
        output.print(context.out(), OperationView.of(poller));
        return 0;
    }

    static CliException missing() {
        return CliException.usage("URL: expected the operation URL or --resume-token TOKEN printed by --no-wait");
    }
}
