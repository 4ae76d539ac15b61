package io.azdp.cli.job;

import io.azdp.cli.common.CliContext;
import io.azdp.cli.output.OutputMixin;
import io.azdp.cli.common.ServiceOptions;
import io.azdp.cli.common.VaultOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code azdp job show}. */
@Command(name = "show", header = "Show a backup job.",
        footer = { "%nExamples:", "  azdp job show /subscriptions/.../backupVaults/vault/backupJobs/<guid>",
                "  azdp job show <guid> -g rg -v vault --query properties.status -o tsv" })
public class JobShowCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "JOB",
            description = "Job GUID (with the vault options) or full job ARM id.")
    String job;

    @Option(names = { "--job-id", "--ids" }, paramLabel = "JOB", description = "The job, as az names it: the same as JOB.")
    String jobOption;

    @ArgGroup(exclusive = false, heading = "%nVault (for a bare GUID):%n")
    VaultOptions vault = new VaultOptions();

    @Mixin
    ServiceOptions service;

    @Override
    public Integer call() {
        CliContext context = service.start();
        OutputMixin output = service.output();
        JobRef ref = JobRef.resolve(context, JobRef.given(job, jobOption), vault == null ? new VaultOptions() : vault);
        output.print(context.out(), context.client().getJob(ref.vault(), ref.job()));
        return 0;
    }
}
