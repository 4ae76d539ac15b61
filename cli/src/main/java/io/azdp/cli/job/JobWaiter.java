package io.azdp.cli.job;

import io.azdp.cli.ExitCode;
import io.azdp.cli.common.CliContext;
import io.azdp.cli.common.Progress;
import io.azdp.cli.common.ResumeHint;
import io.azdp.model.UserFacingError;
import io.azdp.model.id.BackupVaultId;
import io.azdp.model.id.JobId;
import io.azdp.model.job.AzureBackupJob;
import io.azdp.model.job.AzureBackupJobResource;
import io.azdp.model.job.JobStatus;
import java.time.Duration;
import java.util.List;

/** Follows a backup job to its end with progress on stderr. */
public final class JobWaiter {

    private JobWaiter() {
    }

    public static AzureBackupJobResource await(CliContext context, BackupVaultId vault, JobId job, Duration timeout) {
        ResumeHint hint = ResumeHint.install(
                context.followUp("azdp job wait " + ResumeHint.shellQuote(job.toArmId(vault).toString())));
        try (Progress progress = Progress.forTerminal(context.err(), false)) {
            return context.client().waitForJob(vault, job, timeout,
                    polled -> progress.update("job " + job.guid(), status(polled), null));
        } finally {
            hint.close();
        }
    }

    static String status(AzureBackupJobResource job) {
        AzureBackupJob p = job.properties();
        return p == null || p.status() == null ? "Unknown" : p.status().value();
    }

    /** 0 when the job succeeded, else prints why on stderr and returns 7. */
    public static ExitCode exitCodeFor(CliContext context, AzureBackupJobResource job) {
        AzureBackupJob p = job.properties();
        JobStatus status = p == null ? null : p.status();
        if (status != null && status.isSuccess()) {
            return ExitCode.SUCCESS;
        }
        StringBuilder sb = new StringBuilder("error: backup job ").append(job.name()).append(" ended ")
                .append(status == null ? "without a status" : status.value());
        List<UserFacingError> errors = p == null ? null : p.errorDetails();
        if (errors != null && !errors.isEmpty()) {
            UserFacingError e = errors.get(0);
            sb.append(": (").append(e.code()).append(") ").append(e.message());
        }
        context.err().println(sb);
        context.err().flush();
        return ExitCode.OPERATION_FAILED;
    }
}
