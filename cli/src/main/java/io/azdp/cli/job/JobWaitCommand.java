package io.azdp.cli.job;

import io.azdp.cli.common.CliContext;
import io.azdp.cli.output.OutputMixin;
import io.azdp.cli.common.ServiceOptions;
import io.azdp.cli.common.VaultOptions;
import io.azdp.cli.common.WaitMixin;
import io.azdp.model.job.AzureBackupJobResource;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code azdp job wait}: follow a job to its end; exit 7 if it failed or was cancelled. */
@Command(name = "wait", header = "Wait for a backup job to end; exit 7 if it failed or was cancelled.",
        footer = { "%nExamples:", "  azdp job wait /subscriptions/.../backupVaults/vault/backupJobs/<guid> --timeout 2h" })
public class JobWaitCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "JOB",
            description = "Job GUID (with the vault options) or full job ARM id.")
    String job;

    @Option(names = { "--job-id", "--ids" }, paramLabel = "JOB", description = "The job, as az names it: the same as JOB.")
    String jobOption;

    @ArgGroup(exclusive = false, heading = "%nVault (for a bare GUID):%n")
    VaultOptions vault = new VaultOptions();

    @Mixin
    WaitMixin waitOptions;

    @Mixin
    ServiceOptions service;

    @Override
    public Integer call() {
        CliContext context = service.start().pollInterval(waitOptions.pollInterval());
        OutputMixin output = service.output();
        var timeout = waitOptions.timeout();
        JobRef ref = JobRef.resolve(context, JobRef.given(job, jobOption), vault == null ? new VaultOptions() : vault);
        AzureBackupJobResource result = JobWaiter.await(context, ref.job().toArmId(ref.vault()), timeout);
        output.print(context.out(), result);
        return JobWaiter.exitCodeFor(context, result).code();
    }
}
