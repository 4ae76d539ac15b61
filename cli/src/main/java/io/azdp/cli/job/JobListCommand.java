package io.azdp.cli.job;

import io.azdp.cli.common.CliContext;
import io.azdp.cli.common.CliException;
import io.azdp.cli.common.ClosestName;
import io.azdp.cli.common.ExitCode;
import io.azdp.cli.output.OutputMixin;
import io.azdp.cli.common.ServiceOptions;
import io.azdp.cli.common.VaultOptions;
import io.azdp.client.error.ListPageException;
import io.azdp.model.id.BackupVaultId;
import io.azdp.model.job.AzureBackupJob;
import io.azdp.model.job.AzureBackupJobResource;
import io.azdp.model.job.JobStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code azdp job list}: the jobs of a vault, filtered, following {@code nextLink} pages. */
@Command(name = "list", sortOptions = false, header = "List the backup jobs of a vault.",
        footer = { "%nExamples:", "  azdp job list -g rg -v vault --status InProgress -o table",
                "  azdp job list --vault-id /subscriptions/.../backupVaults/vault --operation Backup --max-items 20" })
public class JobListCommand implements Callable<Integer> {
    @ArgGroup(exclusive = false, heading = "%nVault:%n")
    VaultOptions vault = new VaultOptions();

    @Option(names = "--status", paramLabel = "STATUS", split = ",",
            description = "Only jobs with these statuses (InProgress, Completed, CompletedWithWarnings, Failed, Cancelled).")
    List<String> statuses;

    @Option(names = "--operation", paramLabel = "OP", split = ",", description = "Only these operations (Backup, Restore, ...).")
    List<String> operations;

    @Option(names = "--backup-instance-name", paramLabel = "NAME",
            description = "Only jobs of this backup instance (friendly name or instance name).")
    String instance;

    @Option(names = { "--max-items", "--top" }, paramLabel = "N", description = "Stop after N matching jobs.")
    Integer maxItems;

    @Mixin
    ServiceOptions service;

    @Override
    public Integer call() {
        CliContext context = service.start();
        OutputMixin output = service.output();
        if (maxItems != null && maxItems < 1) {
            throw CliException.usage("--max-items: expected a positive number, got " + maxItems);
        }
        checkStatuses();
        if (vault == null || vault.isEmpty()) {
            throw CliException.usage("--vault-name/-v: expected the vault as -g RG -v VAULT or --vault-id VAULT_ID");
        }
        BackupVaultId vaultId = vault.resolve(context);
        Stream<AzureBackupJobResource> jobs = context.client().listJobs(vaultId).filter(this::matches);
        if (maxItems != null) {
            jobs = jobs.limit(maxItems);
        }
        List<AzureBackupJobResource> read = new ArrayList<>();
        try (Stream<AzureBackupJobResource> all = jobs) {
            all.forEachOrdered(read::add);
        } catch (RuntimeException e) {
            ListPageException page = pageFailure(e);
            if (page == null) {
                throw e;
            }
            // what was read is data: print it in the chosen format, then fail with one line
            output.print(context.out(), read);
            context.out().flush();
            throw new CliException(page.transientFailure() ? ExitCode.THROTTLED_OR_UNAVAILABLE
                    : ExitCode.SERVICE_REJECTED, page.getMessage() + " (the " + read.size()
                    + " matching jobs read before it were printed)", page);
        }
        output.print(context.out(), read);
        return 0;
    }

    private static ListPageException pageFailure(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ListPageException p) {
                return p;
            }
        }
        return null;
    }

    /** The statuses a job can have; a --status outside them matched nothing and exited 0 before. */
    static final List<String> STATUSES = Stream.of(JobStatus.IN_PROGRESS, JobStatus.COMPLETED,
            JobStatus.COMPLETED_WITH_WARNINGS, JobStatus.FAILED, JobStatus.CANCELLED).map(JobStatus::value).toList();

    private void checkStatuses() {
        if (statuses == null) {
            return;
        }
        for (String status : statuses) {
            if (STATUSES.stream().noneMatch(s -> s.equalsIgnoreCase(status.strip()))) {
                throw CliException.usage("--status: unknown status '" + status + "'; "
                        + ClosestName.hint(status.strip(), STATUSES));
            }
        }
    }

    private boolean matches(AzureBackupJobResource job) {
        AzureBackupJob p = job.properties();
        if (p == null) {
            return statuses == null && operations == null && instance == null;
        }
        if (statuses != null && (p.status() == null || statuses.stream().noneMatch(s -> s.equalsIgnoreCase(p.status().value())))) {
            return false;
        }
        if (operations != null && (p.operation() == null && p.operationCategory() == null || operations.stream()
                .noneMatch(o -> o.equalsIgnoreCase(p.operation()) || o.equalsIgnoreCase(p.operationCategory())))) {
            return false;
        }
        if (instance != null) {
            String lower = instance.toLowerCase(Locale.ROOT);
            boolean friendly = p.backupInstanceFriendlyName() != null
                    && p.backupInstanceFriendlyName().toLowerCase(Locale.ROOT).equals(lower);
            boolean byId = p.backupInstanceId() != null
                    && p.backupInstanceId().toLowerCase(Locale.ROOT).endsWith("/backupinstances/" + lower);
            return friendly || byId;
        }
        return true;
    }
}
