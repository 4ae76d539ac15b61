package io.azdp.cli.job;

import io.azdp.cli.common.CliContext;
import io.azdp.cli.common.CliException;
import io.azdp.cli.common.ExitCode;
import io.azdp.cli.common.Progress;
import io.azdp.cli.common.ResumeHint;
import io.azdp.cli.output.OutputMixin;
import io.azdp.client.error.NoJobToFollowException;
import io.azdp.client.error.OperationTimeoutException;
import io.azdp.client.lro.AdhocBackupPoller;
import io.azdp.model.UserFacingError;
import io.azdp.model.id.BackupJobId;
import io.azdp.model.job.AzureBackupJob;
import io.azdp.model.job.AzureBackupJobResource;
import io.azdp.model.job.JobStatus;
import java.time.Duration;
import java.util.List;

/** Follows a backup job to its end with progress on stderr: {@code job wait} and every {@code --wait-for-job}. */
public final class JobWaiter {

    private JobWaiter() {
    }

    public static AzureBackupJobResource await(CliContext context, BackupJobId job, Duration timeout) {
        String resume = context.followUp("azdp job wait " + ResumeHint.shellQuote(job.toString()));
        ResumeHint hint = ResumeHint.install(resume);
        try (Progress progress = Progress.forTerminal(context.err(), context.quiet())) {
            return context.client().waitForJob(job, timeout,
                    polled -> progress.update("job " + job.jobId(), status(polled), null));
        } catch (OperationTimeoutException e) {
            // as the operation phase does: the job keeps running, and the user gets the command that follows it on
            throw new CliException(ExitCode.TIMEOUT, e.getMessage() + "; resume with: " + resume, e);
        } finally {
            hint.close();
        }
    }

    /**
     * The {@code --wait-for-job} tail of a finished operation: follows the job it started (the client tells which,
     * {@link AdhocBackupPoller#job()}), prints the job and returns 0, or 7 when it failed or was cancelled. Exit 7 too
     * when there is no job to follow: the operation succeeded, but what --wait-for-job promised (the job's outcome)
     * is unknown, which a script must not read as success.
     */
    public static ExitCode followJobOf(CliContext context, OutputMixin output, AdhocBackupPoller operation,
            Duration timeout) {
        BackupJobId job = operation.job().orElseThrow(() -> noJob(context, operation));
        if (!context.quiet()) {
            context.err().println("backup job " + job + " started");
        }
        AzureBackupJobResource result = await(context, job, timeout);
        // after the service accepted the backup: a --query that cannot run on the job prints it unqueried, exit 6
        output.printAccepted(context.out(), result).ifPresent(error -> {
            throw CliException.queryAfterAcceptance(error);
        });
        return exitCodeFor(context, result);
    }

    private static CliException noJob(CliContext context, AdhocBackupPoller operation) {
        String raw = operation.state().jobId();
        NoJobToFollowException e = new NoJobToFollowException(raw);
        String hint = raw == null || raw.isBlank() ? ""
                : "; follow it with: " + context.followUp("azdp job wait " + raw + " -g RG -v VAULT");
        return new CliException(ExitCode.OPERATION_FAILED, "--wait-for-job: " + e.getMessage() + hint, e);
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
        context.err().println("error: " + io.azdp.cli.output.ControlChars.escape(failure));
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
