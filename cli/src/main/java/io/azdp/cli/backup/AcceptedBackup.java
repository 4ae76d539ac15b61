package io.azdp.cli.backup;

import io.azdp.cli.common.CliContext;
import io.azdp.cli.common.CliException;
import io.azdp.cli.common.ErrorMapper;
import io.azdp.cli.common.ExitCode;
import io.azdp.cli.operation.OperationWaiter;
import io.azdp.client.lro.AdhocBackupPoller;

/**
 * The rule for every failure after the service accepted a backup (issue 13): the error says how to find the backup
 * again (resume command, operation URL or job id) and the exit code is a service-class one (5-8), never 1 (bug) or 2
 * (bad input, nothing sent), nor 3 or 4, which would blame the user's ids or credentials for what the service answered
 * about an operation it started.
 */
final class AcceptedBackup {

    private AcceptedBackup() {
    }

    static CliException failed(CliContext context, AdhocBackupPoller poller, RuntimeException e) {
        ExitCode code = ErrorMapper.exitCode(e);
        ExitCode serviceClass = switch (code) {
            case SERVICE_REJECTED, THROTTLED_OR_UNAVAILABLE, OPERATION_FAILED, TIMEOUT, INTERRUPTED, TERMINATED -> code;
            case NOT_FOUND, AUTH_FAILED -> ExitCode.SERVICE_REJECTED;
            default -> ExitCode.THROTTLED_OR_UNAVAILABLE;
        };
        String message = ErrorMapper.message(e);
        String hint = hint(context, poller);
        if (hint != null && !message.contains(hint)) {
            message = message + "; the backup was accepted by the service: " + hint;
        }
        if (serviceClass == code && e instanceof CliException c && message.equals(c.getMessage())) {
            return c;
        }
        return new CliException(serviceClass, message, e);
    }

    /** How to find the accepted backup again: resume command, else operation URL, else job id; null if none. */
    static String hint(CliContext context, AdhocBackupPoller poller) {
        try {
            var token = poller.resumeTokenIfAny();
            if (token.isPresent() && !poller.isDone()) {
                return "resume with: " + OperationWaiter.resumeCommand(context, token.get());
            }
        } catch (RuntimeException unavailable) {
            // fall back to what the state holds
        }
        var s = poller.state();
        String job = poller.finalResult().map(r -> r.jobId()).orElse(s.jobId());
        if (job != null && !job.isBlank()) {
            return "job id " + job;
        }
        if (s.statusUrl() != null) {
            return "operation " + s.statusUrl();
        }
        if (s.locationUrl() != null) {
            return "operation " + s.locationUrl();
        }
        return null;
    }
}
