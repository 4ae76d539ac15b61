package io.azdp.cli.operation;

import io.azdp.cli.common.CliContext;
import io.azdp.cli.common.CliException;
import io.azdp.cli.common.OutputMixin;
import io.azdp.cli.common.ServiceOptions;
import io.azdp.cli.common.WaitMixin;
import io.azdp.cli.job.JobWaiter;
import io.azdp.client.AdhocBackupPoller;
import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.ValidationException;
import io.azdp.model.id.BackupJobId;
import io.azdp.model.id.BackupVaultId;
import io.azdp.model.job.AzureBackupJobResource;
import java.net.URI;
import java.util.Locale;
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

    @Option(names = "--resume-token", paramLabel = "TOKEN", description = "Resume token printed by --no-wait.")
    String resumeToken;

    @Option(names = "--wait-for-job", description = "Then follow the backup job; exit 7 if it failed or was cancelled.")
    boolean waitForJob;

    @Mixin
    WaitMixin waitOptions;

    @Mixin
    ServiceOptions service;

    static String pick(String url, String token) {
        if (url != null && token != null) {
            throw CliException.usage("--resume-token: give either the URL or --resume-token, not both");
        }
        String ref = url != null ? url : token;
        if (ref == null || ref.isBlank()) {
            throw OperationShowCommand.missing();
        }
        return ref;
    }

    /** The vault of a vault-scoped status URL ({@code .../backupVaults/{v}/operationStatus/{id}}), else null. */
    static BackupVaultId vaultOf(URI statusUrl) {
        String path = statusUrl == null ? null : statusUrl.getPath();
        int at = path == null ? -1 : path.toLowerCase(Locale.ROOT).indexOf("/operationstatus/");
        if (at < 0) {
            return null;
        }
        try {
            return BackupVaultId.parse(path.substring(0, at));
        } catch (ValidationException notAVault) {
            return null;
        }
    }

    @Override
    public Integer call() {
        CliContext context = service.start().pollInterval(waitOptions.pollInterval());
        OutputMixin output = service.output();
        var timeout = waitOptions.timeout();
        String token = OperationRef.tokenFor(url != null ? "URL" : "--resume-token", pick(url, resumeToken));
        AdhocBackupPoller poller = context.client().resume(token);
        OperationJobExtendedInfo info = OperationWaiter.await(context, poller, timeout);
        if (!waitForJob) {
            output.print(context.out(), info);
            return 0;
        }
        BackupJobId job = JobWaiter.jobToFollow(context, info, vaultOf(poller.state().statusUrl()));
        AzureBackupJobResource result = JobWaiter.await(context, job, timeout);
        output.print(context.out(), result);
        return JobWaiter.exitCodeFor(context, result).code();
    }
}
