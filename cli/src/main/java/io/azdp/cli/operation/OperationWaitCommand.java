package io.azdp.cli.operation;

import io.azdp.cli.common.CliContext;
import io.azdp.cli.common.CliException;
import io.azdp.cli.common.ServiceOptions;
import io.azdp.cli.common.WaitMixin;
import io.azdp.cli.job.JobWaiter;
import io.azdp.cli.output.OutputMixin;
import io.azdp.client.lro.AdhocBackupPoller;
import io.azdp.model.OperationJobExtendedInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code azdp operation wait}: resume waiting for an operation started with {@code --no-wait}. */
@Command(name = "wait", header = "Wait for an operation started with --no-wait and print its job id.",
        footer = { "%nExamples:", "  azdp operation wait --resume-token azdp1.eyJ2Ijox...",
                "  azdp operation wait --resume-token \"$(azdp backup ... --no-wait --query resumeToken -o tsv)\" --wait-for-job" })
public class OperationWaitCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "URL",
            description = "Azure-AsyncOperation or Location URL, or a resume token.")
    String url;

    @Option(names = "--resume-token", paramLabel = "TOKEN",
            description = "Resume token printed by --no-wait; @FILE reads it from a file, '-' from stdin (a token with "
                    + "real signed URLs can exceed the Windows command-line limit).")
    String resumeToken;

    @Option(names = "--wait-for-job", description = "Then follow the backup job; exit 7 if it failed or was cancelled.")
    boolean waitForJob;

    @Mixin
    WaitMixin waitOptions;

    @Mixin
    ServiceOptions service;

    /** The poller of the operation named by the URL argument or {@code --resume-token} (the client reads both). */
    static AdhocBackupPoller resume(CliContext context, String url, String token) {
        if (url != null && token != null) {
            throw CliException.usage("--resume-token: give either the URL or --resume-token, not both");
        }
        String ref = url != null ? url : ResumeTokenInput.read(token, System.in);
        if (ref == null || ref.isBlank()) {
            throw OperationShowCommand.missing();
        }
        // a bad token names resumeToken; a bad URL argument names URL
        return url != null ? CliException.option("URL", () -> context.client().resume(ref))
                : context.client().resume(ref);
    }

    @Override
    public Integer call() {
        CliContext context = service.start().pollInterval(waitOptions.pollInterval());
        OutputMixin output = service.output();
        var timeout = waitOptions.timeout();
        AdhocBackupPoller poller = resume(context, url, resumeToken);
        OperationJobExtendedInfo info = OperationWaiter.await(context, poller, timeout);
        if (!waitForJob) {
            // the backup was accepted long ago: a --query that cannot run on the result prints it unqueried, exit 6
            output.printAccepted(context.out(), info).ifPresent(error -> {
                throw CliException.queryAfterAcceptance(error);
            });
            return 0;
        }
        return JobWaiter.followJobOf(context, output, poller, timeout).code();
    }
}
