package io.azdp.cli.operation;

import io.azdp.cli.common.ExitCode;
import io.azdp.cli.common.CliContext;
import io.azdp.cli.common.CliException;
import io.azdp.cli.common.Progress;
import io.azdp.cli.common.ResumeHint;
import io.azdp.client.lro.AdhocBackupPoller;
import io.azdp.client.lro.PollState;
import io.azdp.client.error.OperationTimeoutException;
import io.azdp.model.OperationJobExtendedInfo;
import java.time.Duration;
import java.time.Instant;

/** Waits for an adhoc-backup operation with progress on stderr and a resume hint on Ctrl-C. */
public final class OperationWaiter {

    private OperationWaiter() {
    }

    public static String resumeCommand(CliContext context, String token) {
        return context.followUp("azdp operation wait --resume-token " + ResumeHint.shellQuote(token));
    }

    public static OperationJobExtendedInfo await(CliContext context, AdhocBackupPoller poller, Duration timeout) {
        if (poller.isDone()) {
            return poller.waitForCompletion(timeout);
        }
        String token = poller.resumeTokenIfAny().orElse(null);
        String resume = token == null ? null : resumeCommand(context, token);
        ResumeHint hint = resume == null ? null : ResumeHint.install(resume);
        try (Progress progress = Progress.forTerminal(context.err(), context.quiet())) {
            progress.update("operation " + shortId(poller.state()), status(poller.state()), untilNext(poller.state()));
            return poller.waitForCompletion(timeout,
                    state -> progress.update("operation " + shortId(state), status(state), untilNext(state)));
        } catch (OperationTimeoutException e) {
            throw new CliException(ExitCode.TIMEOUT, "timed out after " + timeout
                    + " waiting for the operation (it keeps running on the service)"
                    + (resume == null ? "" : "; resume with: " + resume), e);
        } finally {
            if (hint != null) {
                hint.close();
            }
        }
    }

    static String shortId(PollState state) {
        String id = state.operationId();
        if (id == null) {
            return "";
        }
        return id.length() > 16 ? id.substring(0, 16) + "..." : id;
    }

    static String status(PollState state) {
        return state.status() == null ? "Started" : state.status().value();
    }

    static Duration untilNext(PollState state) {
        if (state.nextPollAt() == null) {
            return null;
        }
        Duration d = Duration.between(Instant.now(), state.nextPollAt());
        return d.isNegative() ? Duration.ZERO : d;
    }
}
