package io.azdp.cli.job;

import io.azdp.cli.ExitCode;
import io.azdp.cli.common.CliContext;
import io.azdp.cli.common.CliException;
import io.azdp.cli.common.Progress;
import io.azdp.cli.common.ResumeHint;
import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.UserFacingError;
import io.azdp.model.id.BackupJobId;
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
        return await(context, job.toArmId(vault), timeout);
    }

    public static AzureBackupJobResource await(CliContext context, BackupJobId job, Duration timeout) {
        ResumeHint hint = ResumeHint.install(context.followUp("azdp job wait " + ResumeHint.shellQuote(job.toString())));
        try (Progress progress = Progress.forTerminal(context.err(), false)) {
            return context.client().waitForJob(job, timeout,
                    polled -> progress.update("job " + job.jobId(), status(polled), null));
        } finally {
            hint.close();
        }
    }

    /**
     * The job an operation result names, as a full ARM id; a bare GUID takes {@code vault} (may be null). Exit 7 when
     * there is no job to follow: the operation succeeded, but what --wait-for-job promised (the job's outcome) is
     * unknown, which a script must not read as success.
     */
    public static BackupJobId jobToFollow(CliContext context, OperationJobExtendedInfo info, BackupVaultId vault) {
        String raw = info == null ? null : info.jobId();
        if (raw == null || raw.isBlank()) {
            throw new CliException(ExitCode.OPERATION_FAILED,
                    "--wait-for-job: the operation succeeded but named no backup job, so there is none to follow");
        }
        JobId job = JobId.parse(raw);
        if (job.armId().isPresent()) {
            return job.armId().get();
        }
        if (vault != null) {
            return job.toArmId(vault);
        }
        throw new CliException(ExitCode.OPERATION_FAILED, "--wait-for-job: the operation succeeded and named job '"
                + raw + "' without its vault; follow it with: "
                + context.followUp("azdp job wait " + raw + " -g RG -v VAULT"));
    }

    static String status(AzureBackupJobResource job) {
        AzureBackupJob p = job.properties();
        return p == null || p.status() == null ? "Unknown" : p.status().value();
    }

    /** 0 when the job succeeded, else prints why on stderr and returns 7. */
    public static ExitCode exitCodeFor(CliContext context, AzureBackupJobResource job) {
        String failure = failure(job);
        if (failure == null) {
            return ExitCode.SUCCESS;
        }
        context.err().println("error: " + failure);
        context.err().flush();
        return ExitCode.OPERATION_FAILED;
    }

    /** Null when the job succeeded, else one line: {@code backup job G ended Failed: (code) message}. */
    public static String failure(AzureBackupJobResource job) {
        AzureBackupJob p = job.properties();
        JobStatus status = p == null ? null : p.status();
        if (status != null && status.isSuccess()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("backup job ").append(job.name()).append(" ended ")
                .append(status == null ? "without a status" : status.value());
        List<UserFacingError> errors = p == null ? null : p.errorDetails();
        if (errors != null && !errors.isEmpty()) {
            UserFacingError e = errors.get(0);
            sb.append(": (").append(e.code()).append(") ").append(e.message());
        }
        return sb.toString();
    }
}
